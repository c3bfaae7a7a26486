using System.Net.Http.Json;
using ContentHub.Api.Features.Translation;
using ContentHub.Domain.People;
using ContentHub.Testing;
using static ContentHub.Api.Tests.Translation.TranslationHttp;

namespace ContentHub.Api.Tests.Translation;

/// <summary>With no translator configured the machine step is skipped and says why; nothing fails and nothing is written.</summary>
public sealed class NoProviderTests(RunningTranslationWorkerFixture api) : IClassFixture<RunningTranslationWorkerFixture>
{
    [Fact]
    public async Task A_machine_request_without_a_provider_is_skipped_with_its_reason()
    {
        var item = await api.Given.ArticleAsync("Lễ hội Yên Thế", "Một đoạn văn.");

        var job = await FinishedAsync(api.Client, (await MachineAsync(api.Client, item.Id, "en")).Id);

        Assert.Equal("Skipped", job.State);
        Assert.Contains("No machine translation provider is configured", job.Message, StringComparison.Ordinal);
        Assert.Equal(0, job.Requests);
        Assert.Equal(Domain.Translation.TranslationState.Missing, (await StatesAsync(api.Client, item.Id)).Languages.Single(l => l.Language == "en").State);
        var usage = (await api.Client.GetFromJsonAsync<TranslationUsageResponse>("/api/v1/translation/usage", TestJson.Options))!;
        Assert.False(usage.ProviderConfigured);
        Assert.Equal(0, usage.Characters);
    }

    [Fact]
    public async Task The_budget_is_for_admins_only()
    {
        var (translator, _) = await Staff.NewAsync(api.Factory, [Role.Translator], null, ["en"]);

        using var response = await translator.GetAsync("/api/v1/translation/usage");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}

/// <summary>The default configuration (no translator), with the worker running.</summary>
public sealed class RunningTranslationWorkerFixture : ApiFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Translation:WorkerEnabled"] = "true",
        ["Translation:PollInterval"] = "00:00:00.100",
    };
}
