using System.Text;
using System.Text.RegularExpressions;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.OData;

/// <summary>
/// The proof that no DbContext, connection or cached query is shared between requests: a mix of
/// valid and invalid requests of every kind (OData lists and entities for two portals, editorial
/// reads, refused input, failed sign-ins) is answered once in sequence, then sent by 48 clients at
/// once, several rounds; every concurrent answer must be the sequential one, byte for byte. Two
/// requests on one connection would show as a 500 ("unexpected backend message") or as another
/// request's rows.
/// </summary>
public sealed partial class ConcurrentMixedRequestTests(ODataPortalFixture api) : IClassFixture<ODataPortalFixture>
{
    private const int Clients = 48;
    private const int Rounds = 5;

    [Fact]
    public async Task Many_clients_mixing_valid_and_invalid_requests_each_get_the_answer_they_get_alone()
    {
        var requests = Requests();
        var expected = new Dictionary<Request, (int Status, string Body)>();
        foreach (var request in requests)
        {
            expected[request] = await SendAsync(request);
        }

        Assert.Contains(expected.Values, a => a.Status == 200);
        Assert.Contains(expected.Values, a => a.Status == 400);
        Assert.Contains(expected.Values, a => a.Status == 401);
        Assert.DoesNotContain(expected.Values, a => a.Status >= 500);

        var random = new Random(2026);
        var mismatches = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var picks = Enumerable.Range(0, Clients).Select(_ => requests[random.Next(requests.Count)]).ToList();
            var answers = await Task.WhenAll(picks.Select(SendAsync));
            for (var i = 0; i < picks.Count; i++)
            {
                if (answers[i] != expected[picks[i]])
                {
                    mismatches.Add($"{picks[i].Method} {picks[i].Url}: alone {expected[picks[i]].Status}, at once {answers[i].Status} {answers[i].Body[..Math.Min(300, answers[i].Body.Length)]}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    private List<Request> Requests()
    {
        var key = api.Key;
        return
        [
            new("GET", "/odata/Articles?lang=en", key),
            new("GET", "/odata/Articles?lang=lo&$select=Title,Language", key),
            new("GET", "/odata/Articles?$filter=contains(Title,'a')&$orderby=Title", key),
            new("GET", $"/odata/Articles({api.Alpha})?lang=en", key),
            new("GET", "/odata/Articles?$expand=Category&$count=true", key),
            new("GET", "/odata/Articles?$search=alpha", key),
            new("GET", "/odata/Articles?$filter=Title eq", key),
            new("GET", "/odata/Articles?$top=1000", key),
            new("GET", "/odata/Articles", "chk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
            new("GET", $"/odata/Videos?portal={api.PublicSlug}"),
            new("GET", $"/odata/Articles?portal={api.PublicSlug}&$filter=Title eq '%00'"),
            new("GET", "/api/v1/items?pageSize=5", Staff: true),
            new("GET", $"/api/v1/items/{api.Alpha}", Staff: true),
            new("GET", "/api/v1/items?q=%00", Staff: true),
            new("GET", "/api/v1/items?sort=sideways", Staff: true),
            new("POST", "/api/v1/auth/token", Body: """{"userName":"nobody-at-all","password":"x"}"""),
            new("POST", "/api/v1/auth/token", Body: """{"userName":"admin\u0000","password":"x"}"""),
            new("POST", "/api/v1/auth/token", Body: """{"userName":"admin","password":"""),
        ];
    }

    private async Task<(int Status, string Body)> SendAsync(Request request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Key is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Api-Key", request.Key);
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        }

        var client = request.Staff ? api.Client : api.Anonymous;
        using var response = await client.SendAsync(message);
        // Problem details carry the request's own trace id; everything else must be identical.
        return ((int)response.StatusCode, TraceId().Replace(await response.Content.ReadAsStringAsync(), string.Empty));
    }

    [GeneratedRegex("\"traceId\":\"[^\"]*\",?")]
    private static partial Regex TraceId();

    private sealed record Request(string Method, string Url, string? Key = null, bool Staff = false, string? Body = null);
}
