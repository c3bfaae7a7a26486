using ContentHub.Api.Features;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.People;
using ContentHub.Api.Features.Search;
using ContentHub.Api.Hosting;
using ContentHub.Api.Http;
using ContentHub.Data.Embedded;

// "reindex [--all]" and "media-cleanup" run that command instead of the service; everything else is host configuration.
var command = args is [ReindexCommand.Name or MediaCleanupCommand.Name, ..] ? args : null;
var builder = WebApplication.CreateBuilder(command is null ? args : []);
EmbeddedPostgres? embedded;
try
{
    embedded = await builder.AddContentHubDatabaseAsync();
}
catch (Exception exception) when (exception is PostgresBinariesNotFoundException or EmbeddedPostgresException)
{
    // A set-up problem the operator can fix: say what and how, without a stack trace.
    await Console.Error.WriteLineAsync("ContentHub cannot start: " + exception.Message);
    return 2;
}

try
{
    builder.AddContentHubHttp();
    builder.AddContentHubAuth();
    builder.Services.AddContentHubFeatures();

    var app = builder.Build();
    app.UseContentHubHttp();
    app.MapContentHubFeatures();
    await app.PrepareDatabaseAsync();
    if (command is not null)
    {
        return command[0] == ReindexCommand.Name
            ? await ReindexCommand.RunAsync(app.Services, command[1..], CancellationToken.None)
            : await MediaCleanupCommand.RunAsync(app.Services, command[1..], Console.Out, CancellationToken.None);
    }

    await app.RunAsync();
    return 0;
}
finally
{
    if (embedded is not null)
    {
        await embedded.StopAsync();
    }
}

/// <summary>The entry point, visible to the integration tests' web host.</summary>
public partial class Program;
