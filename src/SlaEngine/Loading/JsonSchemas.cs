using System.IO;
using System.Reflection;

namespace SlaEngine.Loading;

/// <summary>
/// JSON Schemas (draft 2020-12) of SlaEngine's YAML files, for editors with a YAML language server: put
/// <c># yaml-language-server: $schema=policy.schema.json</c> at the top of a policy after saving the schema beside it.
/// </summary>
public static class JsonSchemas
{
    /// <summary>The schema of policy files (<c>format: slaengine/v1</c>).</summary>
    public static string PolicyFile { get; } = Read("policy.schema.json");

    /// <summary>The schema of policy test files (<c>*.tests.yaml</c>).</summary>
    public static string TestFile { get; } = Read("tests.schema.json");

    /// <summary>The schema of mapping files (<c>*.mapping.yaml</c>, <c>format: slaengine-mapping/v1</c>).</summary>
    public static string MappingFile { get; } = Read("mapping.schema.json");

    private static string Read(string name)
    {
        using var stream = typeof(JsonSchemas).Assembly.GetManifestResourceStream("SlaEngine.Schemas." + name)
            ?? throw new FileNotFoundException("The embedded schema is missing from the assembly.", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
