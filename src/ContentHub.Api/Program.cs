using ContentHub.Api.Features;
using ContentHub.Api.Features.People;
using ContentHub.Api.Hosting;
using ContentHub.Api.Http;
using ContentHub.Data.Embedded;

var builder = WebApplication.CreateBuilder(args);
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
