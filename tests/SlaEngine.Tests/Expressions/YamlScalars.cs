using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SlaEngine.Tests.Expressions;

/// <summary>Reads scalars of a YAML text with YamlDotNet's parser, as the loader does.</summary>
internal static class YamlScalars
{
    /// <summary>The value scalars that follow a key named <paramref name="key"/>, in document order.</summary>
    public static List<Scalar> ValuesOf(string yaml, string key)
    {
        var parser = new Parser(new StringReader(yaml));
        var result = new List<Scalar>();
        var previousWasKey = false;
        while (parser.MoveNext())
        {
            if (parser.Current is Scalar scalar)
            {
                if (previousWasKey)
                {
                    result.Add(scalar);
                    previousWasKey = false;
                }
                else if (scalar.Value == key && scalar.Style == ScalarStyle.Plain)
                {
                    previousWasKey = true;
                }
            }
            else
            {
                previousWasKey = false;
            }
        }

        return result;
    }

    public static Scalar ValueOf(string yaml, string key) => ValuesOf(yaml, key)[0];

    public static SlaEngine.Yaml.ScalarPositionMap MapOf(string yaml, Scalar scalar) =>
        SlaEngine.Yaml.ScalarPositionMap.Create(
            yaml, (int)scalar.Start.Index, (int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Style, "test.yaml");
}
