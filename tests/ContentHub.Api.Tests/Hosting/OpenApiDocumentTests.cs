using System.Net.Http.Json;
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

    [Fact]
    public async Task Every_operation_describes_its_success_response()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key} {path.Key}", Operation: op.Value!))).ToList();

        Assert.All(operations, op => Assert.True(
            op.Operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('2')),
            $"{op.Name} declares no success response"));
    }

    [Fact]
    public async Task The_documented_token_is_the_token_the_service_answers()
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var reference = document["paths"]!["/api/v1/auth/token"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
        var documented = schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

        using var response = await api.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "admin", password = ApiFactory.AdminPassword });
        var answered = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["accessToken", "expiresIn", "refreshToken", "tokenType"], documented);
        Assert.Equal(documented, answered);
        Assert.NotNull(document["paths"]!["/api/v1/auth/refresh"]!["post"]!["responses"]!["200"]);
    }

    [Theory]
    [InlineData("/api/v1/items", "Kind", "Article,Video,PromoAsset")]
    [InlineData("/api/v1/items", "State", "Draft,InReview,Approved,Scheduled,Published,Unpublished,Archived")]
    [InlineData("/api/v1/items", "Language", "vi,en,zh-Hans,ko,ja,lo")]
    [InlineData("/api/v1/items", "Sort", "updatedAt,-updatedAt,createdAt,-createdAt")]
    [InlineData("/api/v1/items/{id}/revisions", "Language", "vi,en,zh-Hans,ko,ja,lo,item")]
    [InlineData("/api/v1/items/{id}/comments", "language", "vi,en,zh-Hans,ko,ja,lo,item")]
    public async Task Query_parameters_list_their_allowed_values(string path, string name, string values)
    {
        var document = JsonNode.Parse(await api.Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var parameter = document["paths"]![path]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!;

        Assert.Equal(values.Split(','), parameter["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }
}
