using System.Diagnostics;
using System.Xml;
using System.Xml.Schema;

namespace ContentHub.Api.Tests.Schemas;

/// <summary>Validates what the service exports against the published schemas kept beside this file.</summary>
internal static class XmlValidation
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Schemas", .. parts]);

    /// <summary>W3C XML Schema, offline: the schemas (by namespace) and the W3C xml.xsd they import.</summary>
    public static void Xsd(string xml, params (string Namespace, string Path)[] schemas)
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add("http://www.w3.org/XML/1998/namespace", PathOf("xliff", "2.0", "informativeCopiesOf3rdPartySchemas", "w3c", "xml.xsd"));
        foreach (var (ns, path) in schemas)
        {
            set.Add(ns, path);
        }

        Run(xml, new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set });
    }

    /// <summary>A DTD, named by a DOCTYPE put in front of <paramref name="root"/> for the check only.</summary>
    public static void Dtd(string xml, string root, string dtd) =>
        Run(xml.Replace($"<{root} ", $"<!DOCTYPE {root} SYSTEM \"{new Uri(dtd).AbsoluteUri}\"><{root} ", StringComparison.Ordinal),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, ValidationType = ValidationType.DTD, XmlResolver = new XmlUrlResolver() });

    /// <summary>RELAX NG, with xmllint (libxml2-utils, which .ci/run installs): .NET has no RELAX NG validator.</summary>
    public static async Task RelaxNgAsync(string xml, string schema)
    {
        var path = Path.Combine(Path.GetTempPath(), $"validate-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(path, xml);
        var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--noout", "--relaxng", schema, path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(path);
        Assert.True(process.ExitCode == 0, output + "\n" + xml);
    }

    private static void Run(string xml, XmlReaderSettings settings)
    {
        var errors = new List<string>();
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + xml);
    }
}
