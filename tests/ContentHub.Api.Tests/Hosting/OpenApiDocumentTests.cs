using System.Text.Json.Nodes;
using ContentHub.Testing;

namespace ContentHub.Api.Tests.Hosting;

/// <summary>
/// openapi/contenthub.v1.json is what client developers read; it must be what the service serves.
/// To regenerate it after changing the API: CONTENTHUB_UPDATE_OPENAPI=1 dotnet test --filter OpenApiDocumentTests
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string UpdateVariable = "CONTENTHUB_UPDATE_OPENAPI";

    [Fact]
    public async Task The_committed_document_is_the_one_the_service_serves()
    {
        var served = await api.Client.GetStringAsync("/swagger/v1/swagger.json");
        var path = Path.Combine(Repository.Root, "openapi", "contenthub.v1.json");
        var formatted = JsonNode.Parse(served)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, formatted);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with {UpdateVariable}=1 to create it.");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));
        Assert.True(
            JsonNode.DeepEquals(committed, JsonNode.Parse(served)),
            $"openapi/contenthub.v1.json differs from what the service serves. Regenerate it: {UpdateVariable}=1 dotnet test --filter OpenApiDocumentTests");
    }

    [Fact]
    public async Task Every_operation_has_a_stable_id_and_a_summary()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()).ToList();

        Assert.True(operations.Count >= 20);
        Assert.All(operations, operation =>
        {
            Assert.False(string.IsNullOrEmpty(operation.Value!["operationId"]?.GetValue<string>()), operation.Key);
            Assert.False(string.IsNullOrEmpty(operation.Value!["summary"]?.GetValue<string>()), operation.Key);
        });
    }
}
