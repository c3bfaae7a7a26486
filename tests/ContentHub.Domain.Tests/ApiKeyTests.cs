using ContentHub.Domain.Portals;

namespace ContentHub.Domain.Tests;

public sealed class ApiKeyTests
{
    [Fact]
    public void Every_issued_key_parses_back_and_matches_only_its_own_secret()
    {
        // Enough keys that secrets with '_' and '-' in them are certain to occur.
        for (var i = 0; i < 500; i++)
        {
            var (key, text) = ApiKey.Issue(Guid.NewGuid(), Guid.NewGuid(), null, "admin", DateTimeOffset.UnixEpoch);

            Assert.True(ApiKey.TryParse(text, out var prefix, out var secret), text);
            Assert.Equal(key.Prefix, prefix);
            Assert.True(key.Matches(secret));
            Assert.False(key.Matches(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A')));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("chk_abc_def")]
    [InlineData("xyz_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("chk_000000000000_AAAA")]
    public void Anything_else_is_not_a_key(string text)
    {
        Assert.False(ApiKey.TryParse(text, out _, out _));
    }
}
