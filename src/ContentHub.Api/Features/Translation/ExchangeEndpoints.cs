using System.Text;
using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Languages;
using ContentHub.Domain.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContentHub.Api.Features.Translation;

/// <summary>Files for CAT tools: XLIFF 2.0 and 1.2 out and back in, translation memory as TMX.</summary>
public static class ExchangeEndpoints
{
    public const int MaxTmxUnits = 50_000;

    public static IEndpointRouteBuilder MapExchangeEndpoints(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup("/api/v1/translation").WithTags("Translation").RequireAuthorization(Policies.Staff);
        files.MapGet("/xliff", ExportXliff).WithName("ExportXliff")
            .WithSummary("Items (items=id,id…, at most 200) for one target language as XLIFF 2.0 (version=2.0, the default) or 1.2.")
            .Produces<string>(StatusCodes.Status200OK, XliffFormat.MediaType).ProducesReadProblems();
        files.MapPost("/xliff", ImportXliff).WithName("ImportXliff")
            .WithSummary("Applies a translated XLIFF 2.0 or 1.2 file: every item of it, or none (400 lists each problem by line and unit).")
            .Accepts<string>(XliffFormat.MediaType, "application/xml").ProducesCreateProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        files.MapGet("/memory", ExportMemory).WithName("ExportTranslationMemory")
            .WithSummary("Translation memory from one source language (optionally into one target) as TMX 1.4b.")
            .Produces<string>(StatusCodes.Status200OK, TmxFormat.MediaType).ProducesListProblems();
        files.MapPost("/memory", ImportMemory).WithName("ImportTranslationMemory")
            .WithSummary("Adds a TMX 1.4b file to translation memory, all units or none (admins, editors, translators into their languages).")
            .Accepts<string>(TmxFormat.MediaType, "application/xml").ProducesCreateProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportXliff(
        XliffExchange exchange, CancellationToken cancellationToken, string? items = null, string? language = null, string? version = null)
    {
        var ids = new List<Guid>();
        foreach (var part in (items ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(XliffExchange.MaxItems + 1))
        {
            if (!Guid.TryParse(part, out var id))
            {
                return Problems.Validation("items", $"'{part}' is not an item id.");
            }

            ids.Add(id);
        }

        var outcome = await exchange.ExportAsync(ids.Distinct().ToList(), language ?? string.Empty, version, cancellationToken);
        return outcome is Outcome<string>.Done { Value: var xliff } ? TypedResults.Text(xliff, XliffFormat.MediaType, Encoding.UTF8) : outcome.ToProblem();
    }

    public static async Task<Results<Ok<XliffImportResponse>, ProblemHttpResult>> ImportXliff(HttpRequest request, XliffExchange exchange, CancellationToken cancellationToken)
    {
        if (await ReadXmlAsync(request, XliffFormat.MediaType, cancellationToken) is not { } content)
        {
            return Refused(request);
        }

        return (await exchange.ImportAsync(content, cancellationToken)).ToResult(changed => TypedResults.Ok(new XliffImportResponse(changed)));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExportMemory(
        TranslationMemory memory, CancellationToken cancellationToken, string? source = null, string? target = null)
    {
        var errors = new FieldErrors();
        _ = LanguageInput.TryParse(source ?? "vi", "source", errors, out var from);
        LanguageTag? to = null;
        if (target is not null && LanguageInput.TryParse(target, "target", errors, out var parsed))
        {
            to = parsed;
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return TypedResults.Text(TmxFormat.Write(from, await memory.ExportAsync(from, to, cancellationToken)), TmxFormat.MediaType, Encoding.UTF8);
    }

    public static async Task<Results<Ok<MemoryImportResponse>, ProblemHttpResult>> ImportMemory(
        HttpRequest request, TranslationMemory memory, ContentHubDbContext db, CurrentUser user, CancellationToken cancellationToken, string? source = null)
    {
        if (await ReadXmlAsync(request, TmxFormat.MediaType, cancellationToken) is not { } content)
        {
            return Refused(request);
        }

        var errors = new FieldErrors();
        _ = LanguageInput.TryParse(source ?? "vi", "source", errors, out var from);
        var problems = new List<string>();
        var pairs = errors.Any ? [] : TmxFormat.Read(content, from, MaxTmxUnits, problems);
        if (errors.Any || problems.Count > 0)
        {
            return Problems.Validation(errors.Any ? errors.ToDictionary() : new Dictionary<string, string[]> { ["file"] = [.. problems] });
        }

        if (pairs.FirstOrDefault(p => !(user.Has(Role.Admin) || user.Has(Role.Editor) || (user.Has(Role.Translator) && user.Languages.Contains(p.Target)))) is { } refused)
        {
            return Problems.Forbidden($"You may not add to the memory into {refused.Target}.");
        }

        var (created, updated) = await memory.ImportAsync(pairs, user.Name, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new MemoryImportResponse(created, updated));
    }

    // The body as UTF-8 text, when its media type is XML of the expected kind; null otherwise.
    private static async Task<string?> ReadXmlAsync(HttpRequest request, string mediaType, CancellationToken cancellationToken)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type != mediaType && type is not ("application/xml" or "text/xml"))
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            request.HttpContext.Items["not-utf8"] = true;
            return null;
        }
    }

    private static ProblemHttpResult Refused(HttpRequest request) =>
        request.HttpContext.Items.ContainsKey("not-utf8")
            ? Problems.Validation("body", "The file is not UTF-8.")
            : TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the file as XML (application/xliff+xml, application/x-tmx+xml or application/xml).", type: ProblemTypes.UnsupportedMediaType);
}
