using System.Text;

namespace ContentHub.Api.Tests.Syndication;

/// <summary>Feeds, sitemaps and sync are open routes: seeded generated paths and query strings never get a 5xx.</summary>
public sealed class SyndicationInputTests(SyndicationFixture api) : IClassFixture<SyndicationFixture>
{
    private static readonly string[] Pieces =
    [
        "vi", "en", "zh", "xx", "", "%FF", "%00", "..", "atom.xml", "rss.xml", "feed.json", "sitemap.xml", "sitemap-0.xml", "sitemap-99999999999.xml",
        "article", "video", "promo-asset", "Article", "-1", "0", "501", "2147483648", "' OR 1=1 --", "ພາສາລາວ", "%E0%BA", new string('a', 300),
    ];

    // The in-process test client refuses an encoded NUL in a path before sending it (Kestrel would answer 400), so paths go without it.
    private static readonly string[] PathPieces = Pieces.Where(p => p != "%00").ToArray();

    private static readonly string[] Options = ["category", "kind", "token", "cursor", "languages", "kinds", "pageSize", "portal", "lang"];

    [Fact]
    public async Task Generated_requests_never_get_a_5xx()
    {
        using var portal = api.ClientWithKey(api.Key);
        var random = new Random(2412);
        for (var i = 0; i < 300; i++)
        {
            var query = new StringBuilder("?");
            for (var n = random.Next(0, 4); n > 0; n--)
            {
                query.Append(Options[random.Next(Options.Length)]).Append('=').Append(Pieces[random.Next(Pieces.Length)]).Append('&');
            }

            var path = random.Next(3) switch
            {
                0 => $"/feeds/{Slug(random)}/{PathPieces[random.Next(PathPieces.Length)]}/{PathPieces[random.Next(PathPieces.Length)]}",
                1 => $"/sitemaps/{Slug(random)}/{PathPieces[random.Next(PathPieces.Length)]}",
                _ => "/api/v1/sync",
            };
            var client = random.Next(2) == 0 ? portal : api.Anonymous;
            using var response = await client.GetAsync(path + query);
            Assert.True((int)response.StatusCode < 500, $"{path}{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private string Slug(Random random) => random.Next(3) switch
    {
        0 => api.PrivateSlug,
        1 => api.PublicSlug,
        _ => PathPieces[random.Next(PathPieces.Length)],
    };
}
