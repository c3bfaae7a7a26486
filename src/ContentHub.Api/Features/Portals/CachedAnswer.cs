using System.Buffers;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Text;
using Microsoft.Extensions.Caching.Hybrid;

namespace ContentHub.Api.Features.Portals;

/// <summary>
/// One answer as it went out: status, the headers that describe it, and its bytes. Immutable, so the
/// cache hands the same instance to every caller instead of a copy per request.
/// </summary>
[ImmutableObject(true)]
public sealed class CachedAnswer(int status, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
{
    /// <summary>The response headers kept with an answer; the rest belong to the request that made it.</summary>
    public static readonly IReadOnlySet<string> KeptHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Language", "ETag", "Last-Modified", "Cache-Control", "Vary", "OData-Version", "Preference-Applied",
    };

    public int Status { get; } = status;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>
    /// The cache serializes an answer once, to learn its size for the memory bound; it never reads one
    /// back (there is no second-level cache), but the format is complete so that it could.
    /// </summary>
    public sealed class Serializer : IHybridCacheSerializer<CachedAnswer>
    {
        public void Serialize(CachedAnswer value, IBufferWriter<byte> target)
        {
            WriteInt(target, value.Status);
            WriteInt(target, value.Headers.Count);
            foreach (var (name, text) in value.Headers)
            {
                WriteBytes(target, Encoding.UTF8.GetBytes(name));
                WriteBytes(target, Encoding.UTF8.GetBytes(text));
            }

            WriteBytes(target, value.Body);
        }

        public CachedAnswer Deserialize(ReadOnlySequence<byte> source)
        {
            var reader = new SequenceReader<byte>(source);
            var status = ReadInt(ref reader);
            var count = ReadInt(ref reader);
            var headers = new List<KeyValuePair<string, string>>(count);
            for (var i = 0; i < count; i++)
            {
                headers.Add(new(Encoding.UTF8.GetString(ReadBytes(ref reader)), Encoding.UTF8.GetString(ReadBytes(ref reader))));
            }

            return new CachedAnswer(status, headers, ReadBytes(ref reader));
        }

        private static void WriteInt(IBufferWriter<byte> target, int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(target.GetSpan(4), value);
            target.Advance(4);
        }

        private static void WriteBytes(IBufferWriter<byte> target, ReadOnlySpan<byte> bytes)
        {
            WriteInt(target, bytes.Length);
            bytes.CopyTo(target.GetSpan(bytes.Length));
            target.Advance(bytes.Length);
        }

        private static int ReadInt(ref SequenceReader<byte> reader) =>
            reader.TryReadLittleEndian(out int value) ? value : throw new InvalidDataException("A cached answer ends early.");

        private static byte[] ReadBytes(ref SequenceReader<byte> reader)
        {
            var length = ReadInt(ref reader);
            var bytes = new byte[length];
            if (!reader.TryCopyTo(bytes))
            {
                throw new InvalidDataException("A cached answer ends early.");
            }

            reader.Advance(length);
            return bytes;
        }
    }
}
