using System.Globalization;
using System.Text;

namespace ContentHub.Api.Http;

/// <summary>A StringWriter that declares UTF-8 (without a byte-order mark), so XML written through it says encoding="utf-8".</summary>
public sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
{
    public override Encoding Encoding => new UTF8Encoding(false);
}
