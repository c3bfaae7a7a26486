using System.Buffers;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// A growing byte buffer rented from <see cref="ArrayPool{T}.Shared"/>: a response can be written whole,
/// sent with its Content-Length, and the memory reused by the next one, instead of a new array (on
/// the large object heap, for a page of entries) each time.
/// </summary>
public sealed class PooledBufferWriter(int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 256));
    private int _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public void Advance(int count) => _written += count;

    // Reserve first: it may replace the buffer.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsSpan(start);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    // Makes room for at least sizeHint bytes (at least one) after what was written; returns where they start.
    private int Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            _buffer.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _written;
    }
}
