using ContentHub.Testing;

namespace ContentHub.Api.Tests.Translation;

/// <summary>The service pointed at a <see cref="FakeTranslator"/> on loopback, with its worker running.</summary>
public class TranslatorFixture : ApiFixture
{
    public FakeTranslator Translator { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Translation:Endpoint"] = Translator.Url,
                ["Translation:Key"] = FakeTranslator.Key,
                ["Translation:Region"] = "southeastasia",
                ["Translation:WorkerEnabled"] = "true",
                ["Translation:PollInterval"] = "00:00:00.100",
                ["Translation:MonthlyCharacterBudget"] = "1000000",
            };
            foreach (var (key, value) in More)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    /// <summary>Settings a derived fixture adds.</summary>
    protected virtual IReadOnlyDictionary<string, string?> More => new Dictionary<string, string?>();

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
