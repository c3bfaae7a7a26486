using ContentHub.Api.Features.OData;
using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using ContentHub.OData;
using ContentHub.Testing;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace ContentHub.Api.Tests.OData;

/// <summary>The OData service as a client first meets it: $metadata and the service document, read with the OData libraries.</summary>
public sealed class ServiceDescriptionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public void The_model_is_valid_edm()
    {
        Assert.Empty(ServiceDocuments.Validate(PortalModel.Instance));
    }

    [Fact]
    public async Task Metadata_is_csdl_4_01_that_the_oasis_schema_accepts()
    {
        using var response = await api.Anonymous.GetAsync("/odata/$metadata");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("4.01", response.Headers.GetValues("OData-Version").Single());
        var xml = await response.Content.ReadAsStringAsync();
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "odata", "edmx.xsd"));
        var problems = new List<string>();
        XDocument.Parse(xml).Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.Empty(problems);
        Assert.Equal("4.01", XDocument.Parse(xml).Root!.Attribute("Version")!.Value);
    }

    [Fact]
    public async Task Metadata_reads_back_into_the_same_model_with_its_conformance_level()
    {
        var model = await MetadataAsync();

        var container = model.EntityContainer;
        Assert.Equal(["Articles", "Categories", "PromoAssets", "Videos"], container.EntitySets().Select(s => s.Name).Order(StringComparer.Ordinal));
        var articles = container.FindEntitySet("Articles");
        Assert.Equal("Categories", articles.FindNavigationTarget(articles.EntityType.FindProperty("Category") as IEdmNavigationProperty).Name);
        Assert.Equal("Id", Assert.Single(articles.EntityType.Key()).Name);
        var annotation = Assert.Single(model.VocabularyAnnotations, a => a.Term.FullName() == "Org.OData.Capabilities.V1.ConformanceLevel");
        Assert.EndsWith("/Intermediate", string.Join(" ", ((Microsoft.OData.Edm.Vocabularies.IEdmEnumMemberExpression)annotation.Value).EnumMembers.Select(m => m.DeclaringType.FullName() + "/" + m.Name)), StringComparison.Ordinal);

        var batch = (Microsoft.OData.Edm.Vocabularies.IEdmRecordExpression)Assert.Single(model.VocabularyAnnotations, a => a.Term.FullName() == "Org.OData.Capabilities.V1.BatchSupport").Value;
        Assert.True(((Microsoft.OData.Edm.Vocabularies.IEdmBooleanConstantExpression)batch.Properties.Single(p => p.Name == "Supported").Value).Value);

        // Each entry set says which $apply transformations it answers (and the tests of $apply hold it to them).
        var applySupported = model.VocabularyAnnotations.Where(a => a.Term.FullName() == "Org.OData.Aggregation.V1.ApplySupported").ToList();
        Assert.Equal(["Articles", "PromoAssets", "Videos"], applySupported.Select(a => ((IEdmEntitySet)a.Target).Name).Order(StringComparer.Ordinal));
        var record = (Microsoft.OData.Edm.Vocabularies.IEdmRecordExpression)applySupported[0].Value;
        var transformations = (Microsoft.OData.Edm.Vocabularies.IEdmCollectionExpression)record.Properties.Single(p => p.Name == "Transformations").Value;
        Assert.Equal(["aggregate", "groupby", "filter", "compute"], transformations.Elements.Select(e => ((Microsoft.OData.Edm.Vocabularies.IEdmStringConstantExpression)e).Value));
    }

    // Loaded once: JsonSchema.Net registers a schema by its id for the whole process.
    private static readonly Lazy<Json.Schema.JsonSchema> CsdlJsonSchema = new(() => Json.Schema.JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", "odata", "csdl.schema.json")));

    [Theory]
    [InlineData("/odata/$metadata?$format=json", null)]
    [InlineData("/odata/$metadata?$format=application/json", null)]
    [InlineData("/odata/$metadata", "application/json")]
    public async Task Metadata_in_csdl_json_is_what_the_oasis_json_schema_accepts(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await api.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var csdl = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = CsdlJsonSchema.Value.Evaluate(csdl.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10)));
        Assert.Equal("4.01", csdl.RootElement.GetProperty("$Version").GetString());
        // The schema is strict enough to refuse a broken document: the same one with a numeric version.
        using var broken = JsonDocument.Parse(csdl.RootElement.GetRawText().Replace("\"$Version\": \"4.01\"", "\"$Version\": 4.01", StringComparison.Ordinal));
        Assert.False(CsdlJsonSchema.Value.Evaluate(broken.RootElement).IsValid);
        var container = csdl.RootElement.GetProperty("$EntityContainer").GetString()!;
        var (ns, name) = (container[..container.LastIndexOf('.')], container[(container.LastIndexOf('.') + 1)..]);
        var sets = csdl.RootElement.GetProperty(ns).GetProperty(name).EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('$') && !n.StartsWith('@')).Order(StringComparer.Ordinal);
        Assert.Equal(["Articles", "Categories", "PromoAssets", "Videos"], sets);
    }

    [Fact]
    public async Task Metadata_says_that_language_properties_compare_as_tags()
    {
        var model = await MetadataAsync();

        foreach (var set in new[] { "Articles", "Videos", "PromoAssets" })
        {
            var type = model.EntityContainer.FindEntitySet(set).EntityType;
            foreach (var name in new[] { "Language", "AvailableLanguages" })
            {
                var description = Assert.Single(model.FindVocabularyAnnotations(type.FindProperty(name)), a => a.Term.FullName() == "Org.OData.Core.V1.Description");
                Assert.Contains("Compared as a tag", ((Microsoft.OData.Edm.Vocabularies.IEdmStringConstantExpression)description.Value).Value, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData(null, "4.01")]
    [InlineData("4.0", "4.0")]
    public async Task The_service_document_lists_the_entity_sets_in_the_version_the_client_takes(string? maxVersion, string version)
    {
        var model = await MetadataAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/");
        request.Headers.Accept.ParseAdd("application/json;odata.metadata=minimal");
        if (maxVersion is not null)
        {
            request.Headers.Add("OData-MaxVersion", maxVersion);
        }

        using var response = await api.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(version, response.Headers.GetValues("OData-Version").Single());
        var settings = new ODataMessageReaderSettings { Version = version == "4.0" ? ODataVersion.V4 : ODataVersion.V401, MaxProtocolVersion = ODataVersion.V401 };
        using var reader = new ODataMessageReader(await ODataResponse.ReadAsync(response), settings, model);
        var document = reader.ReadServiceDocument();
        Assert.Equal(["Articles", "Categories", "PromoAssets", "Videos"], document.EntitySets.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    private async Task<IEdmModel> MetadataAsync()
    {
        var xml = await api.Anonymous.GetStringAsync("/odata/$metadata");
        using var reader = XmlReader.Create(new StringReader(xml));
        Assert.True(CsdlReader.TryParse(reader, ignoreUnexpectedAttributesAndElements: false, out var model, out var errors), string.Join("; ", errors ?? []));
        return model;
    }
}
