using ContentHub.Data.Embedded;

namespace ContentHub.Api.Hosting;

/// <summary>Stops the embedded PostgreSQL server when the service shuts down.</summary>
public sealed class EmbeddedPostgresLifetime(EmbeddedPostgres server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);
}
