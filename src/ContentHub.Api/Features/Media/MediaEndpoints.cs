using ContentHub.Api.Http;
using ContentHub.Data;
using ContentHub.Domain.Media;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ContentHub.Api.Features.Media;

/// <summary>Uploading files and reading them back (staff; portals get files with the content they carry, later).</summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder routes)
    {
        var media = routes.MapGroup("/api/v1/media").WithTags("Media");
        media.MapPost("/", UploadAsync).WithName("UploadMedia").RequireAuthorization(Policies.Writers)
            .WithMetadata(new OwnBodyLimit())
            // No Accepts metadata: routing would answer an unlisted Content-Type with 415 before authorization,
            // and the declared type is only checked against the bytes anyway.
            .WithSummary("Uploads a file as the raw body (name it with ?fileName=) or as the file part of multipart/form-data; its type is read from its bytes. 201 when new, 200 with the stored file when the same bytes were uploaded before.")
            .Produces<MediaResponse>(StatusCodes.Status201Created).Produces<MediaResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        media.MapGet("/{id}", GetAsync).WithName("GetMedia").WithSummary("Reads what is known of a file.").RequireAuthorization(Policies.Staff).ProducesReadProblems();
        media.MapGet("/{id}/content", DownloadAsync).WithName("DownloadMedia").RequireAuthorization(Policies.Staff)
            .WithSummary("The file's bytes: Range (206, 416), ETag and Last-Modified with conditional requests, Content-Disposition with its name.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status304NotModified)
            .ProducesReadProblems();
        media.MapDelete("/{id}", DeleteAsync).WithName("DeleteMedia").RequireAuthorization(Policies.Editors)
            .WithSummary("Deletes a file no item uses (204); 409 naming the items that still use it.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict).ProducesReadProblems();
        media.MapPost("/cleanup", CleanUpAsync).WithName("CleanUpMedia").RequireAuthorization(Policies.Admins)
            .WithSummary("Deletes now every file no item uses that is older than Media:UnusedFileMaxAge (the clean-up also runs daily).")
            .Produces<CleanUpResponse>();
        media.MapPut("/{id}/captions/{language}", SetCaptionAsync).WithName("SetMediaCaption").RequireAuthorization(Policies.Writers)
            .WithSummary("Sets the file's alternative text (required) and caption in one language; answers the file.").ProducesChangeProblems();
        media.MapDelete("/{id}/captions/{language}", RemoveCaptionAsync).WithName("RemoveMediaCaption").RequireAuthorization(Policies.Writers)
            .WithSummary("Removes the file's alternative text and caption in one language; answers the file.").ProducesReadProblems();
        media.MapPut("/{id}/focal-point", SetFocalPointAsync).WithName("SetMediaFocalPoint").RequireAuthorization(Policies.Editors)
            .WithSummary("Sets where an image's subject is (x across, y down, 0 to 1 of the upright image); crops keep it in view. Answers the file.").ProducesChangeProblems();
        media.MapDelete("/{id}/focal-point", ClearFocalPointAsync).WithName("ClearMediaFocalPoint").RequireAuthorization(Policies.Editors)
            .WithSummary("Crops an image around its middle again. Answers the file.").ProducesReadProblems();
        media.MapGet("/{id}/text", TextAsync).WithName("GetMediaText").RequireAuthorization(Policies.Staff)
            .WithSummary("The text extracted at upload from a PDF, or the cue text of subtitles (what search reads), as text/plain.")
            .Produces<string>(StatusCodes.Status200OK, "text/plain").ProducesReadProblems();
        media.MapGet("/{id}/poster", PosterAsync).WithName("GetMediaPoster").RequireAuthorization(Policies.Staff)
            .WithSummary("A video's poster: a JPEG of the frame a second in, made on first request.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").Produces(StatusCodes.Status304NotModified).ProducesReadProblems();
        media.MapGet("/{id}/renditions/{rendition}", RenditionAsync).WithName("GetMediaRendition").RequireAuthorization(Policies.Staff)
            .WithSummary("An image in one of the configured widths as WebP or JPEG (640.webp, 1024.jpg), without its metadata; made on first request.")
            .Produces(StatusCodes.Status200OK, contentType: "image/webp").Produces(StatusCodes.Status304NotModified).ProducesReadProblems();
        return routes;
    }

    public static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> SetCaptionAsync(
        Guid id, string language, CaptionRequest request, MediaCaptions captions, ContentHubDbContext db, ImageRenditions renditions, CancellationToken cancellationToken) =>
        await FileWithAsync(await captions.SetAsync(id, language, request, cancellationToken), id, db, renditions, cancellationToken);

    public static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> RemoveCaptionAsync(
        Guid id, string language, MediaCaptions captions, ContentHubDbContext db, ImageRenditions renditions, CancellationToken cancellationToken) =>
        await FileWithAsync(await captions.RemoveAsync(id, language, cancellationToken), id, db, renditions, cancellationToken);

    private static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> FileWithAsync(
        Outcome<IReadOnlyList<MediaCaption>> outcome, Guid id, ContentHubDbContext db, ImageRenditions renditions, CancellationToken cancellationToken)
    {
        if (outcome is not Outcome<IReadOnlyList<MediaCaption>>.Done { Value: var list })
        {
            return outcome.ToProblem();
        }

        var file = (await FindAsync(db, id, cancellationToken))!;
        return TypedResults.Ok(MediaResponse.From(file, renditions, list));
    }

    public static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> SetFocalPointAsync(
        Guid id, FocalPointRequest request, ContentHubDbContext db, MediaCaptions captions, ImageRenditions renditions, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Require(request.X is >= 0 and <= 1, "x", "From 0 (the left edge) to 1 (the right edge) of the upright image.");
        errors.Require(request.Y is >= 0 and <= 1, "y", "From 0 (the top edge) to 1 (the bottom edge) of the upright image.");
        return errors.Any
            ? Problems.Validation(errors.ToDictionary())
            : await FocusAsync(id, new FocalPoint(request.X!.Value, request.Y!.Value), db, captions, renditions, cancellationToken);
    }

    public static Task<Results<Ok<MediaResponse>, ProblemHttpResult>> ClearFocalPointAsync(
        Guid id, ContentHubDbContext db, MediaCaptions captions, ImageRenditions renditions, CancellationToken cancellationToken) =>
        FocusAsync(id, null, db, captions, renditions, cancellationToken);

    // Crops are stored under the focal point they were made for, so moving it needs nothing removed.
    private static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> FocusAsync(
        Guid id, FocalPoint? point, ContentHubDbContext db, MediaCaptions captions, ImageRenditions renditions, CancellationToken cancellationToken)
    {
        if (await db.MediaFiles.SingleOrDefaultAsync(f => f.Id == id, cancellationToken) is not { IsImage: true } file)
        {
            return Problems.NotFound($"Image {id}");
        }

        file.FocusOn(point);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MediaResponse.From(file, renditions, await captions.ListAsync(id, cancellationToken)));
    }

    public static async Task<IResult> DeleteAsync(Guid id, MediaRemoval removal, CancellationToken cancellationToken) =>
        await removal.DeleteAsync(id, cancellationToken) switch
        {
            MediaRemoval.Result.Deleted => TypedResults.NoContent(),
            MediaRemoval.Result.InUse { Items: var items } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "In use",
                detail: $"File {id} is attached to {items.Count} item(s): {string.Join(", ", items)}. Detach it from them first.",
                type: ProblemTypes.InUse, extensions: new Dictionary<string, object?> { ["items"] = items }),
            _ => Problems.NotFound($"File {id}"),
        };

    public static async Task<Ok<CleanUpResponse>> CleanUpAsync(MediaRemoval removal, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CleanUpResponse(await removal.CleanUpAsync(cancellationToken)));

    public static async Task<IResult> TextAsync(Guid id, ContentHubDbContext db, CancellationToken cancellationToken) =>
        await db.MediaFiles.AsNoTracking().Where(f => f.Id == id && f.Text != null).Select(f => f.Text).SingleOrDefaultAsync(cancellationToken) is { } text
            ? TypedResults.Text(text, "text/plain; charset=utf-8")
            : Problems.NotFound($"The text of PDF {id}");

    public static async Task<IResult> PosterAsync(Guid id, HttpContext http, ContentHubDbContext db, VideoPosters posters, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { VideoCodec: not null } file)
        {
            return Problems.NotFound($"Video {id}");
        }

        return await posters.OpenAsync(file.Sha256, file.DurationSeconds, cancellationToken) is { } poster
            ? Send(http, poster, "image/jpeg", null, file.UploadedAt, PosterTag(file.Sha256))
            : Problems.NotFound($"A poster of video {id} (no frame could be taken)");
    }

    public static async Task<IResult> RenditionAsync(Guid id, string rendition, HttpContext http, ContentHubDbContext db, ImageRenditions renditions, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { IsImage: true } file)
        {
            return Problems.NotFound($"Image {id}");
        }

        if (renditions.Parse(rendition) is not { } wanted)
        {
            return Problems.NotFound($"Rendition {rendition} (served: {string.Join(", ", renditions.Names)})");
        }

        var stored = await renditions.OpenAsync(file.Sha256, wanted, file.Focus, cancellationToken);
        return Send(http, stored, wanted.MediaType, null, file.UploadedAt, wanted.Tag(file.Sha256, file.Focus));
    }

    private static Task<MediaFile?> FindAsync(ContentHubDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    // The type is the one the bytes showed (or made); nosniff keeps browsers from guessing another.
    // Ranges, validators and conditional requests are ASP.NET Core's, from a file or a seekable stream.
    /// <summary>The strong validator of a poster: the same bytes under every route that serves them.</summary>
    public static string PosterTag(string sha256) => $"\"{sha256[..32]}-poster\"";

    public static IResult Send(HttpContext http, StoredFile stored, string contentType, string? fileName, DateTimeOffset lastModified, string etag)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var tag = new EntityTagHeaderValue(etag);
        return stored.Path is { } path
            ? TypedResults.PhysicalFile(path, contentType, fileName, lastModified, tag, enableRangeProcessing: true)
            : TypedResults.Stream(stored.Stream!, contentType, fileName, lastModified, tag, enableRangeProcessing: true);
    }

    public static async Task<IResult> UploadAsync(HttpContext http, MediaUploads uploads, MediaCaptions captions, ImageRenditions renditions, CancellationToken cancellationToken, string? fileName = null)
    {
        var request = http.Request;
        var (body, declared, name) = (request.Body, request.ContentType, fileName);
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) && contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                return Problems.Validation("body", "A multipart body needs its boundary.");
            }

            // Streamed: the reader hands out one part at a time, the file part's body straight from the connection.
            var reader = new MultipartReader(boundary, request.Body);
            MultipartSection? section;
            ContentDispositionHeaderValue? file = null;
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out file) && file.IsFileDisposition())
                {
                    break;
                }
            }

            if (section is null || file is null)
            {
                return Problems.Validation("file", "The multipart body has no file part.");
            }

            (body, declared, name) = (section.Body, section.ContentType, fileName ?? HeaderUtilities.RemoveQuotes(file.FileNameStar.HasValue ? file.FileNameStar : file.FileName).Value);
        }

        var (uploaded, refusal) = await uploads.UploadAsync(body, declared, name, cancellationToken);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        var response = MediaResponse.From(uploaded!.File, renditions, uploaded.Created ? [] : await captions.ListAsync(uploaded.File.Id, cancellationToken));
        return uploaded.Created ? TypedResults.Created($"/api/v1/media/{response.Id}", response) : TypedResults.Ok(response);
    }

    /// <summary>Why an upload was not taken, as the problem the client gets (400 for the file, 413, 415).</summary>
    public static ProblemHttpResult Refused(MediaUploads.Refusal refusal) =>
        refusal.Status == StatusCodes.Status400BadRequest
            ? Problems.Validation("file", refusal.Detail)
            : TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail,
                type: refusal.Status == StatusCodes.Status413PayloadTooLarge ? ProblemTypes.PayloadTooLarge : ProblemTypes.UnsupportedMediaType);

    public static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> GetAsync(Guid id, ContentHubDbContext db, MediaCaptions captions, ImageRenditions renditions, CancellationToken cancellationToken) =>
        await FindAsync(db, id, cancellationToken) is { } file
            ? TypedResults.Ok(MediaResponse.From(file, renditions, await captions.ListAsync(id, cancellationToken)))
            : Problems.NotFound($"File {id}");

    public static async Task<IResult> DownloadAsync(Guid id, HttpContext http, ContentHubDbContext db, IMediaStore store, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken) is not { } file)
        {
            return Problems.NotFound($"File {id}");
        }

        return Send(http, await store.OpenAsync(MediaKeys.File(file.Sha256), cancellationToken), file.ContentType, file.FileName, file.UploadedAt, "\"" + file.Sha256 + "\"");
    }
}

/// <summary>
/// A stored file; for an image or a video its pixel size, for a video its duration and codecs, for an
/// image its focal point and the address of each rendition served, by name (<c>640.webp</c>,
/// <c>640-16x9.webp</c>), for a video its poster's, for a PDF its text's; its alternative text and
/// caption by language.
/// </summary>
public sealed record MediaResponse(
    Guid Id, string Sha256, string ContentType, long Size, string FileName, int? Width, int? Height,
    double? DurationSeconds, string? VideoCodec, string? AudioCodec, string UploadedBy, DateTimeOffset UploadedAt, string ContentUrl,
    FocalPointResponse? FocalPoint, IReadOnlyDictionary<string, string>? Renditions, string? PosterUrl, string? TextUrl, IReadOnlyDictionary<string, CaptionResponse> Captions)
{
    public static MediaResponse From(MediaFile file, ImageRenditions renditions, IEnumerable<MediaCaption> captions) =>
        new(file.Id, file.Sha256, file.ContentType, file.Size, file.FileName, file.Width, file.Height,
            file.DurationSeconds, file.VideoCodec, file.AudioCodec, file.UploadedBy, file.UploadedAt, $"/api/v1/media/{file.Id}/content",
            file.IsImage ? new FocalPointResponse(file.Focus.X, file.Focus.Y, file.FocalX is not null) : null,
            !file.IsImage ? null : renditions.Names.ToDictionary(n => n, n => $"/api/v1/media/{file.Id}/renditions/{n}"),
            file.VideoCodec is null ? null : $"/api/v1/media/{file.Id}/poster",
            file.ContentType == FileTypes.Pdf.MediaType ? $"/api/v1/media/{file.Id}/text" : null,
            captions.OrderBy(c => c.Language.Code, StringComparer.Ordinal).ToDictionary(c => c.Language.Code, c => new CaptionResponse(c.AltText, c.Caption, c.UpdatedBy, c.UpdatedAt)));
}

/// <summary>Where an image's subject is: fractions of its upright width and height from the top left.</summary>
/// <param name="X">Across, 0 (left) to 1 (right).</param>
/// <param name="Y">Down, 0 (top) to 1 (bottom).</param>
/// <param name="IsSet">False while it is the middle by default.</param>
public sealed record FocalPointResponse(double X, double Y, bool IsSet);

/// <summary>Where an image's subject is.</summary>
/// <param name="X">Across: 0 is the left edge of the upright image, 1 the right.</param>
/// <param name="Y">Down: 0 is the top edge, 1 the bottom.</param>
public sealed record FocalPointRequest(double? X, double? Y);

/// <summary>How many unused files a clean-up deleted.</summary>
public sealed record CleanUpResponse(int Deleted);

/// <summary>A file's alternative text and caption in one language.</summary>
public sealed record CaptionResponse(string AltText, string? Caption, string UpdatedBy, DateTimeOffset UpdatedAt);
