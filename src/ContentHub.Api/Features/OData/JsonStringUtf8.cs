using System.Buffers;

namespace ContentHub.Api.Features.OData;

/// <summary>
/// Writes UTF-8 text as a JSON string literal, escaping only what JSON requires (quotation mark,
/// reverse solidus, control characters). A published body is mostly text that needs no escaping, so
/// it is copied in runs between the few characters that do, found with a vectorised search, instead
/// of being decoded to UTF-16 and encoded back character by character. The input must be valid UTF-8
/// (text from PostgreSQL in a UTF-8 database is).
/// </summary>
public static class JsonStringUtf8
{
    private static readonly SearchValues<byte> Escaped = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>The most bytes <see cref="Write"/> can produce for <paramref name="length"/> bytes of text.</summary>
    public static int MaxLength(int length) => (length * 6) + 2;

    /// <summary>Writes <paramref name="utf8"/> quoted and escaped into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        var written = 0;
        destination[written++] = (byte)'"';
        while (true)
        {
            var next = utf8.IndexOfAny(Escaped);
            var run = next < 0 ? utf8 : utf8[..next];
            run.CopyTo(destination[written..]);
            written += run.Length;
            if (next < 0)
            {
                break;
            }

            written += Escape(utf8[next], destination[written..]);
            utf8 = utf8[(next + 1)..];
        }

        destination[written++] = (byte)'"';
        return written;
    }

    private static int Escape(byte value, Span<byte> destination)
    {
        destination[0] = (byte)'\\';
        var shortForm = value switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            (byte)'\n' => (byte)'n',
            (byte)'\r' => (byte)'r',
            (byte)'\t' => (byte)'t',
            (byte)'\b' => (byte)'b',
            (byte)'\f' => (byte)'f',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            destination[1] = shortForm;
            return 2;
        }

        "u00"u8.CopyTo(destination[1..]);
        destination[4] = Hex[value >> 4];
        destination[5] = Hex[value & 0xF];
        return 6;
    }
}
