using System.Text.Json;
using System.Text.Json.Serialization;
using ContentHub.Api.Features.Content;
using ContentHub.Api.Features.Glossary;
using ContentHub.Api.Features.Items;
using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Features.People;
using ContentHub.Api.Features.Taxonomy;
using ContentHub.Api.Features.Workflow;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Content;
using ContentHub.Domain.People;
using ContentHub.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ContentHub.Api.Features.Demo;

/// <summary>
/// Loads the demo content through the same services the API uses, so that it is checked, normalised,
/// rendered and revisioned like anything an editor writes. Runs only on an empty database.
/// </summary>
public sealed partial class DemoContentSeeder(
    ContentHubDbContext db, CategoryService categories, OrgUnitService units, ItemService items, ItemStore store, WorkflowService workflow,
    AccountsBootstrap accounts, PortalService portals, GlossaryService glossary, MediaUploads uploads, CurrentUser user, ILogger<DemoContentSeeder> logger)
{
    public const string Actor = "demo";

    /// <summary>
    /// A public demo portal, so that <c>/odata/Articles?portal=doingoai-demo</c> answers at once: every
    /// language with the fallbacks a foreign-information site would use (English, then Vietnamese).
    /// </summary>
    public static readonly PortalRequest Portal = new(
        "Cổng thông tin đối ngoại tỉnh Bắc Giang (demo)", "doingoai-demo", "https://doingoai.bacgiang.gov.vn",
        [
            new PortalLanguageRequest("en", ["vi"]),
            new PortalLanguageRequest("vi"),
            new PortalLanguageRequest("zh-Hans", ["en", "vi"]),
            new PortalLanguageRequest("ko", ["en", "vi"]),
            new PortalLanguageRequest("ja", ["en", "vi"]),
            new PortalLanguageRequest("lo", ["en", "vi"]),
        ],
        IsPublic: true);

    /// <summary>One demo person per role (the administrator comes from the first-start bootstrap). Demo only: the README lists these passwords.</summary>
    public static readonly IReadOnlyList<(string UserName, string Password, string DisplayName, Role Role, string Unit, string[] Languages)> People =
    [
        ("editor", "Editor-demo-2026", "Nguyễn Thị Hoa", Role.Editor, "so-van-hoa-the-thao-du-lich", []),
        ("reviewer", "Reviewer-demo-2026", "Trần Văn Minh", Role.Reviewer, "so-van-hoa-the-thao-du-lich", []),
        ("lead", "Lead-demo-2026", "Lê Quang Huy", Role.Lead, "ban-tuyen-giao-tinh-uy", []),
        ("translator", "Translator-demo-2026", "Phạm Thu Trang", Role.Translator, "so-ngoai-vu", ["en", "zh-Hans", "ko", "ja", "lo"]),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Demo", "demo-content.json");

    /// <summary>The demo glossary: the names of ../shared/DOMAIN.md and the province's districts and departments.</summary>
    public static string GlossaryPath => Path.Combine(AppContext.BaseDirectory, "Demo", "demo-glossary.csv");

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Categories.AnyAsync(cancellationToken).ConfigureAwait(false) || await db.Items.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await using var file = File.OpenRead(DefaultPath);
        var content = await JsonSerializer.DeserializeAsync<DemoContent>(file, Json, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The demo content file is empty.");
        await SeedAsync(content, cancellationToken).ConfigureAwait(false);
    }

    public async Task SeedAsync(DemoContent content, CancellationToken cancellationToken)
    {
        user.ActAsSystem(Actor);
        var unitIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var unit in content.OrgUnits)
        {
            unitIds[unit.Code] = Expect(await units.CreateAsync(new OrgUnitRequest(unit.Code, unit.Type, unit.Names), cancellationToken).ConfigureAwait(false), unit.Code).Id;
        }

        var errors = new FieldErrors();
        var terms = GlossaryCsv.Read(await File.ReadAllTextAsync(GlossaryPath, cancellationToken).ConfigureAwait(false), GlossaryService.MaxImportTerms, errors);
        if (errors.Any)
        {
            throw new InvalidOperationException("The demo glossary is not valid: " + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(' ', e.Value)}")));
        }

        Expect(await glossary.ImportAsync(terms, cancellationToken).ConfigureAwait(false), "glossary");

        var categoryIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var topic in content.Categories)
        {
            var parent = topic.Parent is null ? (Guid?)null : categoryIds[topic.Parent];
            categoryIds[topic.Slug] = Expect(await categories.CreateAsync(new CategoryRequest(topic.Slug, topic.Names, parent), cancellationToken).ConfigureAwait(false), topic.Slug).Id;
        }

        foreach (var item in content.Items)
        {
            await SeedItemAsync(item, unitIds[item.OrgUnit], categoryIds[item.Category], cancellationToken).ConfigureAwait(false);
        }

        foreach (var person in People)
        {
            await accounts.CreateAsync(person.UserName, person.DisplayName, person.Password, [person.Role], unitIds[person.Unit], person.Languages).ConfigureAwait(false);
        }

        Expect(await portals.CreateAsync(Portal, cancellationToken).ConfigureAwait(false), Portal.Slug);

        LogSeeded(logger, content.Items.Count, content.Categories.Count, content.OrgUnits.Count);
    }

    private async Task SeedItemAsync(DemoContent.Item item, Guid unitId, Guid categoryId, CancellationToken cancellationToken)
    {
        var source = item.Variants[item.SourceLanguage];
        var video = item.Video is not null && item.SubtitleFiles is { } tracks
            ? item.Video with { Subtitles = await UploadSubtitlesAsync(tracks, cancellationToken).ConfigureAwait(false) }
            : item.Video;
        var request = new CreateItemRequest(item.Kind, item.SourceLanguage, unitId, categoryId, source, item.Tags, item.Sensitive, video, item.Promo);
        var created = Expect(await items.CreateAsync(request, Actor, cancellationToken).ConfigureAwait(false), source.Title);
        foreach (var (language, variant) in item.Variants.Where(v => v.Key != item.SourceLanguage))
        {
            Expect(await items.PutVariantAsync(created.Id, language, variant, ifMatch: null, Actor, cancellationToken).ConfigureAwait(false), $"{source.Title} ({language})");
        }

        await AdvanceAsync(created.Id, item, source.Title, cancellationToken).ConfigureAwait(false);
    }

    // Uploaded like any file (checked as WebVTT), from the files beside the demo content.
    private async Task<List<LanguageFile>> UploadSubtitlesAsync(IReadOnlyDictionary<string, string> tracks, CancellationToken cancellationToken)
    {
        var files = new List<LanguageFile>();
        foreach (var (language, name) in tracks)
        {
            await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Demo", name));
            var (uploaded, refusal) = await uploads.UploadAsync(file, "text/vtt", Path.GetFileName(name), cancellationToken).ConfigureAwait(false);
            files.Add(new LanguageFile(Expect(uploaded, $"{name}: {refusal?.Detail}").File.Id, language));
        }

        return files;
    }

    // Through the real workflow, with a distinct reviewer and lead, so the demo obeys four eyes like everyone else.
    private async Task AdvanceAsync(Guid id, DemoContent.Item item, string title, CancellationToken cancellationToken)
    {
        (EditorialState Reached, string Actor, WorkflowAction Action)[] path =
        [
            (EditorialState.InReview, Actor, WorkflowAction.Submit),
            (EditorialState.Approved, "demo-reviewer", WorkflowAction.Approve),
            (EditorialState.Published, "demo-lead", WorkflowAction.SignOff),
            (EditorialState.Published, Actor, WorkflowAction.Publish),
        ];
        foreach (var (reached, actor, action) in path)
        {
            if (item.State < reached || (action == WorkflowAction.SignOff && !item.Sensitive))
            {
                continue;
            }

            user.ActAsSystem(actor);
            var current = Expect(await store.FindAsync(id, cancellationToken).ConfigureAwait(false) is { } found ? found : null, title);
            Expect(await workflow.TakeAsync(id, action, new WorkflowRequest(), ETags.Format(current.Version), cancellationToken).ConfigureAwait(false), $"{title}: {action}");
        }

        user.ActAsSystem(Actor);
    }

    private static T Expect<T>(Outcome<T> outcome, string what) => outcome is Outcome<T>.Done done
        ? done.Value
        : throw new InvalidOperationException($"Demo content '{what}' was refused: {outcome}");

    private static T Expect<T>(T? value, string what)
        where T : class => value ?? throw new InvalidOperationException($"Demo content '{what}' vanished while it was loaded.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the demo content: {Items} items, {Categories} categories, {Units} organisation units")]
    private static partial void LogSeeded(ILogger logger, int items, int categories, int units);
}
