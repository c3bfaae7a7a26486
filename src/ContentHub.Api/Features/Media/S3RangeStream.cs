using Amazon.S3;
using Amazon.S3.Model;

namespace ContentHub.Api.Features.Media;

/// <summary>
/// A stored object read as a seekable stream: each read past what was fetched asks S3 for the next
/// stretch (a ranged GET), so ASP.NET Core can answer Range requests from it as from a file, and a
/// download of one range fetches only that range.
/// </summary>
public sealed class S3RangeStream(IAmazonS3 client, string bucket, string key, long length) : Stream
{
    private const int Stretch = 1024 * 1024;

    private byte[] _buffer = [];
    private long _bufferStart;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (_position < _bufferStart || _position >= _bufferStart + _buffer.Length)
        {
            await FetchAsync(Math.Min(Math.Max(buffer.Length, Stretch), length - _position), cancellationToken).ConfigureAwait(false);
        }

        var available = (int)Math.Min(buffer.Length, _bufferStart + _buffer.Length - _position);
        _buffer.AsMemory((int)(_position - _bufferStart), available).CopyTo(buffer);
        _position += available;
        return available;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private async Task FetchAsync(long count, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(_position, _position + count - 1) };
        using var response = await client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = new byte[count];
        await response.ResponseStream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        (_buffer, _bufferStart) = (bytes, _position);
    }
}
