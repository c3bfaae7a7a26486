using System.Text;
using ContentHub.Api.Http;
using ContentHub.Domain.Languages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ContentHub.Api.Features.Glossary;

/// <summary>The glossary: entries per language pair, and their import and export as CSV and TBX-Basic.</summary>
public static class GlossaryEndpoints
{
    public static IEndpointRouteBuilder MapGlossaryEndpoints(this IEndpointRouteBuilder routes)
    {
        var glossary = routes.MapGroup("/api/v1/glossary").WithTags("Glossary").RequireAuthorization(Policies.Staff);
        glossary.MapGet("/", List).WithName("ListGlossaryTerms").WithSummary("Glossary entries, by pair and text, paged.").ProducesListProblems();
        glossary.MapPost("/", Create).WithName("CreateGlossaryTerm").WithSummary("Adds an entry (admins, editors, translators into their languages).")
            .ProducesCreateProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        glossary.MapGet("/{id}", Get).WithName("GetGlossaryTerm").WithSummary("One entry (ETag).").ProducesReadProblems();
        glossary.MapPut("/{id}", Update).WithName("UpdateGlossaryTerm").WithSummary("Changes an entry (If-Match).").ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        glossary.MapDelete("/{id}", Delete).WithName("DeleteGlossaryTerm").WithSummary("Deletes an entry (If-Match).").ProducesGuardedProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        glossary.MapGet("/export", Export).WithName("ExportGlossary")
            .WithSummary("The glossary from one source language (optionally into one target) as CSV or TBX-Basic (format=csv|tbx).")
            .Produces<string>(StatusCodes.Status200OK, GlossaryCsv.MediaType, GlossaryTbx.MediaType).ProducesListProblems();
        glossary.MapPost("/import", Import).WithName("ImportGlossary")
            .WithSummary("Imports CSV (text/csv) or TBX-Basic (application/x-tbx+xml or application/xml); all entries or none.")
            .Accepts<string>(GlossaryCsv.MediaType, GlossaryTbx.MediaType, "application/xml")
            .ProducesCreateProblems().ProducesProblem(StatusCodes.Status403Forbidden);
        return routes;
    }

    public static async Task<Results<Ok<PagedResponse<GlossaryTermResponse>>, ProblemHttpResult>> List(
        GlossaryService glossary, CancellationToken cancellationToken, string? source = null, string? target = null, string? q = null, int? page = null, int? pageSize = null) =>
        (await glossary.ListAsync(source, target, q, page, pageSize, cancellationToken)).ToResult(TypedResults.Ok);

    public static async Task<Results<Created<GlossaryTermResponse>, ProblemHttpResult>> Create(
        GlossaryTermRequest request, GlossaryService glossary, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await glossary.CreateAsync(request, cancellationToken);
        if (outcome is not Outcome<Domain.Translation.GlossaryTerm>.Done { Value: var term })
        {
            return outcome.ToProblem();
        }

        ETags.Set(http.Response, term.Version);
        return TypedResults.Created($"/api/v1/glossary/{term.Id}", GlossaryTermResponse.Of(term));
    }

    public static async Task<Results<Ok<GlossaryTermResponse>, ProblemHttpResult>> Get(Guid id, GlossaryService glossary, HttpContext http, CancellationToken cancellationToken)
    {
        if (await glossary.FindAsync(id, cancellationToken) is not { } term)
        {
            return Problems.NotFound($"Glossary term {id}");
        }

        ETags.Set(http.Response, term.Version);
        return TypedResults.Ok(GlossaryTermResponse.Of(term));
    }

    public static async Task<Results<Ok<GlossaryTermResponse>, ProblemHttpResult>> Update(
        Guid id, GlossaryTermRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, GlossaryService glossary, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await glossary.UpdateAsync(id, request, ifMatch, cancellationToken);
        if (outcome is not Outcome<Domain.Translation.GlossaryTerm>.Done { Value: var term })
        {
            return outcome.ToProblem();
        }

        ETags.Set(http.Response, term.Version);
        return TypedResults.Ok(GlossaryTermResponse.Of(term));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, GlossaryService glossary, CancellationToken cancellationToken) =>
        (await glossary.DeleteAsync(id, ifMatch, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(
        GlossaryService glossary, CancellationToken cancellationToken, string? source = null, string? target = null, string? format = null)
    {
        var errors = new FieldErrors();
        _ = LanguageInput.TryParse(source ?? "vi", "source", errors, out var from);
        LanguageTag? to = null;
        if (target is not null && LanguageInput.TryParse(target, "target", errors, out var parsed))
        {
            to = parsed;
        }

        errors.Require(format is null or "csv" or "tbx", "format", "csv or tbx.");
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var terms = await glossary.ExportAsync(from, to, cancellationToken);
        return format == "tbx"
            ? TypedResults.Text(GlossaryTbx.Write(from, terms), GlossaryTbx.MediaType, Encoding.UTF8)
            : TypedResults.Text(GlossaryCsv.Write(terms), GlossaryCsv.MediaType + "; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>The body is the file; TBX imports pair the terms of <paramref name="source"/> (default vi) with each other language's.</summary>
    public static async Task<Results<Ok<GlossaryImportResponse>, ProblemHttpResult>> Import(
        HttpRequest request, GlossaryService glossary, CancellationToken cancellationToken, string? source = null)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not (GlossaryCsv.MediaType or GlossaryTbx.MediaType or "application/xml" or "text/xml"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send text/csv, or TBX-Basic as application/x-tbx+xml.", type: ProblemTypes.UnsupportedMediaType);
        }

        var errors = new FieldErrors();
        _ = LanguageInput.TryParse(source ?? "vi", "source", errors, out var from);
        string content;
        using (var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                content = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                return Problems.Validation("body", "The file is not UTF-8.");
            }
        }

        var terms = errors.Any ? [] : mediaType == GlossaryCsv.MediaType
            ? GlossaryCsv.Read(content, GlossaryService.MaxImportTerms, errors)
            : GlossaryTbx.Read(content, from, GlossaryService.MaxImportTerms, errors);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return (await glossary.ImportAsync(terms, cancellationToken)).ToResult(TypedResults.Ok);
    }
}
