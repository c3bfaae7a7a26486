using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ContentHub.Api.Features.People;
using ContentHub.Domain.People;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.People;

/// <summary>
/// Many clients signing in at once, valid and invalid mixed: each gets the answer its own request
/// deserves, and every token handed out names the person who asked for it. A connection or
/// DbContext shared by two requests would show here as a 500 ("unexpected backend message") or as
/// one person's token answering for another.
/// </summary>
public sealed class ConcurrentSignInTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int Clients = 48;
    private const int Rounds = 4;

    [Fact]
    public async Task Mixed_valid_and_invalid_sign_ins_from_many_clients_each_get_their_own_answer()
    {
        var unit = await api.Given.OrgUnitAsync();
        var people = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            people.Add((await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id)).UserName);
        }

        var victim = (await Staff.NewAsync(api.Factory, [Role.Editor], unit.Id)).UserName;
        var random = new Random(48);
        var unexpected = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var attempts = Enumerable.Range(0, Clients).Select(_ => Attempt.Pick(random, people, victim)).ToList();
            var answers = await Task.WhenAll(attempts.Select(SendAsync));
            unexpected.AddRange(answers.Where(a => a is not null)!);
        }

        Assert.Empty(unexpected);
        using var victimClient = api.Factory.CreateClient();
        using var locked = await victimClient.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(victim, Staff.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_at_once_lock_the_account_as_five_in_a_row_do()
    {
        // Counted with a read-modify-write, simultaneous attempts were lost and lockout could be outrun.
        var (_, name) = await Staff.NewAsync(api.Factory, [Role.Editor], (await api.Given.OrgUnitAsync()).Id);

        var wrong = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var client = api.Factory.CreateClient();
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(name, "wrong-password-1"));
            return response.StatusCode;
        }));

        Assert.All(wrong, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        using var right = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new TokenRequest(name, Staff.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    private async Task<string?> SendAsync(Attempt attempt)
    {
        using var client = api.Factory.CreateClient();
        using var response = await client.PostAsync("/api/v1/auth/token", new StringContent(attempt.Json, Encoding.UTF8, "application/json"));
        if (response.StatusCode != attempt.Expected)
        {
            return $"{attempt.Description}: expected {(int)attempt.Expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        if (attempt.Expected != HttpStatusCode.OK)
        {
            return null;
        }

        var token = (await response.Content.ReadFromJsonAsync<Token>())!.AccessToken;
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var meResponse = await client.SendAsync(me);
        var who = meResponse.IsSuccessStatusCode ? (await meResponse.Content.ReadFromJsonAsync<MeResponse>(TestJson.Options))!.Name : $"HTTP {(int)meResponse.StatusCode}";
        return who == attempt.UserName ? null : $"{attempt.Description}: the token stands for {who}";
    }

    private sealed record Token(string AccessToken);

    private sealed record Attempt(string Description, string UserName, string Json, HttpStatusCode Expected)
    {
        public static Attempt Pick(Random random, List<string> people, string victim)
        {
            var person = people[random.Next(people.Count)];
            return random.Next(6) switch
            {
                0 or 1 => new("valid " + person, person, Body(person, Staff.Password), HttpStatusCode.OK),
                // Wrong passwords only ever for one person, so that lockout never reaches the valid ones.
                2 => new("wrong password", victim, Body(victim, "wrong-password-1"), HttpStatusCode.Unauthorized),
                3 => new("unknown user", "nobody", Body("nobody-" + random.Next(), "x"), HttpStatusCode.Unauthorized),
                4 => new("NUL in the name", person, $$"""{"userName":"{{person}}\u0000","password":"{{Staff.Password}}"}""", HttpStatusCode.BadRequest),
                _ => new("overlong name", person, Body(person + new string('x', 300), Staff.Password), HttpStatusCode.BadRequest),
            };
        }

        private static string Body(string userName, string password) => $$"""{"userName":"{{userName}}","password":"{{password}}"}""";
    }
}
