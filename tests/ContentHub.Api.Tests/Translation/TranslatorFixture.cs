using ContentHub.Testing;

namespace ContentHub.Api.Tests.Translation;

/// <summary>The service pointed at a <see cref="FakeTranslator"/> on loopback, with its worker running.</summary>
public sealed class TranslatorFixture : ApiFixture
{
    public FakeTranslator Translator { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Translation:Endpoint"] = Translator.Url,
        ["Translation:Key"] = FakeTranslator.Key,
        ["Translation:Region"] = "southeastasia",
        ["Translation:WorkerEnabled"] = "true",
        ["Translation:PollInterval"] = "00:00:00.100",
        ["Translation:MonthlyCharacterBudget"] = "1000000",
    };

    public override async Task InitializeAsync()
    {
        await Translator.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Translator.DisposeAsync();
    }
}
