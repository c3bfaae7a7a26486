using ContentHub.Api.Features.Media;
using ContentHub.Api.Features.Portals;
using ContentHub.Api.Http;

namespace ContentHub.Api.Features.Syndication;

/// <summary>
/// Files of the content a portal carries, under <c>/files/{portal}/</c>: the file, an image's
/// renditions and a video's poster frame. Who may read them is decided as for the portal's feeds
/// (public, its key, or its feed token); which files, by <see cref="PortalFiles"/> — 404 for the rest.
/// </summary>
public static class PortalFileEndpoints
{
    public static IEndpointRouteBuilder MapPortalFileEndpoints(this IEndpointRouteBuilder routes)
    {
        var files = routes.MapGroup("/files/{portal}/{id:guid}").WithTags("Syndication").AllowAnonymous();
        files.MapGet("/", FileAsync).WithName("GetPortalFile")
            .WithSummary("A file of content the portal carries: Range, ETag, Last-Modified, Content-Disposition with its name.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream").Produces(StatusCodes.Status206PartialContent).Produces(StatusCodes.Status304NotModified)
            .ProducesReadProblems().ProducesProblem(StatusCodes.Status401Unauthorized);
        files.MapGet("/renditions/{rendition}", RenditionAsync).WithName("GetPortalFileRendition")
            .WithSummary("An image of content the portal carries in one of the configured widths, as WebP or JPEG (640.webp), without its metadata.")
            .Produces(StatusCodes.Status200OK, contentType: "image/webp").Produces(StatusCodes.Status304NotModified).ProducesReadProblems().ProducesProblem(StatusCodes.Status401Unauthorized);
        files.MapGet("/poster", PosterAsync).WithName("GetPortalFilePoster")
            .WithSummary("A frame of a video the portal carries, as JPEG.")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").Produces(StatusCodes.Status304NotModified).ProducesReadProblems().ProducesProblem(StatusCodes.Status401Unauthorized);
        return routes;
    }

    public static async Task<IResult> FileAsync(string portal, Guid id, HttpContext http, PortalDirectory directory, PortalFiles files, IMediaStore store)
    {
        var (refusal, file) = await FindAsync(portal, id, http, directory, files);
        return refusal ?? MediaEndpoints.Send(http, await store.OpenAsync(MediaKeys.File(file!.Sha256), http.RequestAborted), file.ContentType, file.FileName, file.UploadedAt, "\"" + file.Sha256 + "\"");
    }

    public static async Task<IResult> RenditionAsync(string portal, Guid id, string rendition, HttpContext http, PortalDirectory directory, PortalFiles files, ImageRenditions renditions)
    {
        var (refusal, file) = await FindAsync(portal, id, http, directory, files);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!file!.IsImage || renditions.Parse(rendition) is not { } wanted)
        {
            return Problems.NotFound($"Rendition {rendition} of file {id} (served: {string.Join(", ", renditions.Names)})");
        }

        // The focal point the entry was approved with, like its captions.
        var focus = file.Focus ?? Domain.Media.FocalPoint.Center;
        var stored = await renditions.OpenAsync(file.Sha256, wanted, focus, http.RequestAborted);
        return MediaEndpoints.Send(http, stored, wanted.MediaType, null, file.UploadedAt, wanted.Tag(file.Sha256, focus));
    }

    public static async Task<IResult> PosterAsync(string portal, Guid id, HttpContext http, PortalDirectory directory, PortalFiles files, VideoPosters posters)
    {
        var (refusal, file) = await FindAsync(portal, id, http, directory, files);
        if (refusal is not null)
        {
            return refusal;
        }

        return file!.IsVideo && await posters.OpenAsync(file.Sha256, file.DurationSeconds, http.RequestAborted) is { } poster
            ? MediaEndpoints.Send(http, poster, "image/jpeg", null, file.UploadedAt, MediaEndpoints.PosterTag(file.Sha256))
            : Problems.NotFound($"A poster of file {id}");
    }

    private static async Task<(IResult? Refusal, Domain.Publishing.PublishedFile? File)> FindAsync(string portal, Guid id, HttpContext http, PortalDirectory directory, PortalFiles files)
    {
        var (access, found) = await FeedAccess.CheckAsync(http, portal, directory);
        if (SyndicationEndpoints.Refusal(access, portal) is { } refused)
        {
            return (refused, null);
        }

        return await files.FindAsync(found!, id, http.RequestAborted) is { } file ? (null, file) : (Problems.NotFound($"File {id}"), null);
    }
}
