using Microsoft.Extensions.Options;

namespace ContentHub.Api.Http;

/// <summary>
/// Refuses request bodies over <see cref="ApiOptions.MaxRequestBodyBytes"/> with 413: at once when
/// Content-Length says so, or as soon as a chunked body passes the limit. Kestrel enforces the same
/// limit; this keeps the behaviour (and its problem details) the same behind any server.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<OwnBodyLimit>() is not null)
        {
            // The endpoint streams its body and applies its own limits (uploads): lift the server's.
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            {
                server.MaxRequestBodySize = null;
            }

            return next(context);
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LimitedStream(context.Request.Body, limit);
        }

        return next(context);
    }

    private static BadHttpRequestException TooLarge(long limit) =>
        new($"The request body is larger than the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw TooLarge(limit) : read;
        }
    }
}

/// <summary>Marks an endpoint that reads its body as a stream and enforces its own size limits.</summary>
public sealed record OwnBodyLimit;
