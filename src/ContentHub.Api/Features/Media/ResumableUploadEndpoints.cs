using System.Globalization;
using System.Text;
using ContentHub.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// Resumable uploads by the tus 1.0 protocol (core, with the creation, termination and expiration
/// extensions): a client creates an upload with its length, sends it in pieces with PATCH, asks with
/// HEAD how much arrived after a broken connection, and goes on from there. tus rather than S3's
/// multipart upload because it works the same over the disk store and S3, the client never needs
/// the store's credentials or addresses, the bytes still pass the service's checks, and ready
/// clients exist (tus-js-client, Uppy, TUSKit, tus-android-client).
/// </summary>
public static class ResumableUploadEndpoints
{
    public const string Version = "1.0.0";
    public const string MediaIdHeader = "ContentHub-Media-Id";
    private const string OffsetType = "application/offset+octet-stream";

    public static IEndpointRouteBuilder MapResumableUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        var uploads = routes.MapGroup("/api/v1/uploads").WithTags("Media").RequireAuthorization(Policies.Writers);
        uploads.MapMethods("/", ["OPTIONS"], Options).WithName("ResumableUploadOptions")
            .WithSummary("tus discovery: the versions, extensions and largest length served.").Produces(StatusCodes.Status204NoContent);
        uploads.MapPost("/", Create).WithName("CreateResumableUpload")
            .WithSummary("Starts a resumable upload (tus 1.0 creation): Upload-Length, optional Upload-Metadata (filename, filetype base64). 201 with its Location.")
            .Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests);
        uploads.MapMethods("/{id}", ["HEAD"], Head).WithName("GetResumableUploadOffset")
            .WithSummary("How much of the upload arrived (Upload-Offset, Upload-Length); with ContentHub-Media-Id once it became a file.")
            .Produces(StatusCodes.Status200OK).Produces(StatusCodes.Status404NotFound);
        uploads.MapPatch("/{id}", AppendAsync).WithName("AppendResumableUpload").WithMetadata(new OwnBodyLimit())
            .WithSummary("Sends the next piece (Content-Type application/offset+octet-stream, Upload-Offset as HEAD answered). 204 with the new Upload-Offset; the last piece makes the file (ContentHub-Media-Id).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesReadProblems();
        uploads.MapDelete("/{id}", Delete).WithName("DeleteResumableUpload")
            .WithSummary("Abandons an upload (tus termination): what arrived is deleted.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status409Conflict).ProducesReadProblems();
        return routes;
    }

    public static IResult Options(HttpContext http, ResumableUploads uploads)
    {
        var headers = http.Response.Headers;
        headers["Tus-Resumable"] = Version;
        headers["Tus-Version"] = Version;
        headers["Tus-Extension"] = "creation,termination,expiration";
        headers["Tus-Max-Size"] = uploads.MaxLength.ToString(CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }

    public static IResult Create(HttpContext http, ResumableUploads uploads, CurrentUser user, IOptions<MediaOptions> options)
    {
        if (Protocol(http) is { } wrongVersion)
        {
            return wrongVersion;
        }

        var request = http.Request.Headers;
        if (request.ContainsKey("Upload-Defer-Length"))
        {
            return Problems.Validation("Upload-Defer-Length", "Give the length with Upload-Length; uploads of unknown length are not accepted.");
        }

        if (!long.TryParse(request["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return Problems.Validation("Upload-Length", "Give the upload's length in bytes.");
        }

        if (length == 0)
        {
            return Problems.Validation("Upload-Length", "The upload has no bytes.");
        }

        if (!TryReadMetadata(request["Upload-Metadata"], out var metadata))
        {
            return Problems.Validation("Upload-Metadata", "Upload-Metadata is comma-separated pairs of a key and a base64 value.");
        }

        metadata.TryGetValue("filename", out var fileName);
        metadata.TryGetValue("filetype", out var declared);
        // The declared type is checked against the bytes later; a length no type allows is refused now.
        var allowed = FileTypes.All.FirstOrDefault(t => declared is not null && t.IsDeclaredAs(declared.Split(';')[0].Trim())) is { } type
            ? options.Value.LimitFor(type.Group)
            : uploads.MaxLength;
        if (length > allowed)
        {
            return MediaEndpoints.Refused(MediaUploads.Refusal.TooLarge(allowed));
        }

        if (uploads.OpenBy(user.Name) >= uploads.MaxOpenPerPerson)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many unfinished uploads",
                detail: $"You have {uploads.MaxOpenPerPerson} unfinished uploads; finish or DELETE one first (or let one expire).", type: ProblemTypes.TooManyRequests);
        }

        var id = uploads.Create(user.Name, length, fileName, declared);
        http.Response.Headers["Upload-Expires"] = uploads.ExpiresAt(id).ToString("r", CultureInfo.InvariantCulture);
        return TypedResults.Created($"/api/v1/uploads/{id}");
    }

    public static IResult Head(string id, HttpContext http, ResumableUploads uploads, CurrentUser user)
    {
        if (Protocol(http) is { } wrongVersion)
        {
            return wrongVersion;
        }

        http.Response.Headers.CacheControl = "no-store";
        if (uploads.Find(id, user.Name) is not var (state, offset))
        {
            return TypedResults.NotFound();
        }

        Describe(http, id, state, offset, uploads);
        http.Response.Headers["Upload-Length"] = state.Length.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok();
    }

    public static IResult Delete(string id, HttpContext http, ResumableUploads uploads, CurrentUser user)
    {
        if (Protocol(http) is { } wrongVersion)
        {
            return wrongVersion;
        }

        if (uploads.Find(id, user.Name) is not var (state, _))
        {
            return Problems.NotFound($"Upload {id}");
        }

        if (state.MediaId is null)
        {
            using var held = uploads.Hold(id);
            if (held is null)
            {
                return Busy();
            }
        }

        uploads.Delete(id);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> AppendAsync(string id, HttpContext http, ResumableUploads uploads, MediaUploads media, CurrentUser user, IOptions<MediaOptions> options)
    {
        if (Protocol(http) is { } wrongVersion)
        {
            return wrongVersion;
        }

        if (uploads.Find(id, user.Name) is not var (state, _))
        {
            return Problems.NotFound($"Upload {id}");
        }

        if (!string.Equals(http.Request.ContentType, OffsetType, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a piece of an upload",
                detail: $"Send the piece as {OffsetType}.", type: ProblemTypes.UnsupportedMediaType);
        }

        if (!long.TryParse(http.Request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return Problems.Validation("Upload-Offset", "Give the offset this piece starts at, as HEAD answered it.");
        }

        if (state.MediaId is not null)
        {
            return offset == state.Length ? Finished(http, id, state, uploads) : OffsetConflict(state.Length);
        }

        await using var part = uploads.Hold(id);
        if (part is null)
        {
            return Busy();
        }

        if (part.Length != offset)
        {
            return OffsetConflict(part.Length);
        }

        part.Seek(0, SeekOrigin.End);
        var beyond = await ReceiveAsync(http, part, state.Length);
        if (beyond is null)
        {
            return TypedResults.Empty; // The client went away; what arrived is kept for it to go on from.
        }

        if (Refusal(part, state, options.Value) is { } refusal)
        {
            await part.DisposeAsync();
            uploads.Delete(id);
            return MediaEndpoints.Refused(refusal);
        }

        if (beyond == true)
        {
            Describe(http, id, state, part.Length, uploads);
            return Problems.Validation("body", $"The piece goes beyond the upload's length of {state.Length} bytes; what fitted was kept.");
        }

        if (part.Length < state.Length)
        {
            Describe(http, id, state, part.Length, uploads);
            return TypedResults.NoContent();
        }

        part.Seek(0, SeekOrigin.Begin);
        var (uploaded, refused) = await media.UploadAsync(part, state.DeclaredType, state.FileName ?? "file", http.RequestAborted);
        if (refused is not null)
        {
            await part.DisposeAsync();
            uploads.Delete(id);
            return MediaEndpoints.Refused(refused);
        }

        var done = state with { MediaId = uploaded!.File.Id };
        uploads.Completed(id, done, done.MediaId.Value);
        return Finished(http, id, done, uploads);
    }

    // Copies the body to the part, never past the upload's length, flushed; null when the client went
    // away (what arrived stays), true when it sent more than the length allowed.
    private static async Task<bool?> ReceiveAsync(HttpContext http, FileStream part, long length)
    {
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            {
                var room = (int)Math.Min(read, length - part.Position);
                await part.WriteAsync(buffer.AsMemory(0, room), CancellationToken.None);
                if (room < read)
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return null;
        }
        finally
        {
            part.Flush(flushToDisk: true);
        }
    }

    // Decided as soon as the first bytes are there, so a wrong type is refused before gigabytes follow.
    private static MediaUploads.Refusal? Refusal(FileStream part, ResumableUploads.State state, MediaOptions options)
    {
        var needed = (int)Math.Min(FileTypes.HeadLength, state.Length);
        if (part.Length < needed)
        {
            return null;
        }

        var head = new byte[needed];
        part.Seek(0, SeekOrigin.Begin);
        part.ReadExactly(head);
        part.Seek(0, SeekOrigin.End);
        var (type, refusal) = MediaUploads.Admit(head, state.DeclaredType);
        return type is null ? refusal
            : state.Length > options.LimitFor(type.Group) ? MediaUploads.Refusal.TooLarge(options.LimitFor(type.Group))
            : null;
    }

    private static NoContent Finished(HttpContext http, string id, ResumableUploads.State state, ResumableUploads uploads)
    {
        Describe(http, id, state, state.Length, uploads);
        return TypedResults.NoContent();
    }

    private static void Describe(HttpContext http, string id, ResumableUploads.State state, long offset, ResumableUploads uploads)
    {
        var headers = http.Response.Headers;
        headers["Upload-Offset"] = offset.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Expires"] = uploads.ExpiresAt(id).ToString("r", CultureInfo.InvariantCulture);
        if (state.MediaId is { } mediaId)
        {
            headers[MediaIdHeader] = mediaId.ToString();
        }
    }

    // Every answer but OPTIONS says the version; a request in another version is refused (tus 1.0, 412).
    private static ProblemHttpResult? Protocol(HttpContext http)
    {
        http.Response.Headers["Tus-Resumable"] = Version;
        if (http.Request.Headers["Tus-Resumable"] == Version)
        {
            return null;
        }

        http.Response.Headers["Tus-Version"] = Version;
        return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "tus version not supported",
            detail: $"Send Tus-Resumable: {Version}.", type: ProblemTypes.PreconditionFailed);
    }

    private static ProblemHttpResult OffsetConflict(long offset) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Wrong offset",
            detail: $"The upload has {offset} bytes; send the piece that starts there.", type: ProblemTypes.Conflict,
            extensions: new Dictionary<string, object?> { ["uploadOffset"] = offset });

    private static ProblemHttpResult Busy() =>
        Problems.Conflict("Another request is sending to this upload now; ask HEAD for the offset once it is done.");

    // tus metadata: "key base64,key base64", a key alone for an empty value; keys unique.
    private static bool TryReadMetadata(string? header, out Dictionary<string, string> metadata)
    {
        metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        foreach (var pair in header.Split(','))
        {
            var parts = pair.Trim().Split(' ');
            if (parts.Length > 2 || parts[0].Length == 0 || metadata.ContainsKey(parts[0]))
            {
                return false;
            }

            var value = string.Empty;
            if (parts.Length == 2)
            {
                try
                {
                    value = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(parts[1]));
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    return false;
                }
            }

            metadata[parts[0]] = value;
        }

        return true;
    }
}
