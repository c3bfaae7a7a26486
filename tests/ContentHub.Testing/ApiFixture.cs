using ContentHub.Data;
using Xunit;

namespace ContentHub.Testing;

/// <summary>
/// A class fixture: its own migrated database and the service running on it, shared by the tests of
/// one class. Tests that need a clean slate create what they use with <see cref="Given"/>.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    private ApiFactory? _factory;

    public ApiFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Signed in as the administrator created at start-up.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Not signed in.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public Given Given { get; private set; } = null!;

    /// <summary>Extra configuration for the service under test.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The clock the service runs on; null for the real one.</summary>
    public virtual TimeProvider? Clock => null;

    public ContentHubDbContext CreateDbContext() => Factory.CreateDbContext();

    /// <summary>A client that sends <paramref name="key"/> in X-Api-Key, as a portal does.</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
        return client;
    }

    public virtual async Task InitializeAsync()
    {
        var connectionString = await PostgresCluster.CreateDatabaseAsync(GetType().Name).ConfigureAwait(false);
        _factory = new ApiFactory(connectionString, Settings, Clock);
        Anonymous = _factory.CreateClient();
        Client = await Staff.ClientAsync(_factory, "admin", ApiFactory.AdminPassword).ConfigureAwait(false);
        Given = new Given(Client);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync().ConfigureAwait(false);
            await PostgresCluster.DropDatabaseAsync(_factory.ConnectionString).ConfigureAwait(false);
        }
    }
}
