using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SlaEngine.Tests.Docs;

/// <summary>
/// Every C# block of README.md and docs/*.md compiles: a block marked <c>&lt;!-- snippet: name --&gt;</c> is a sample's
/// code (checked by <see cref="DocsExamplesTests"/> and built with the solution); any other is compiled here with
/// Roslyn, against the library and the packages a service uses, as a method body (or, when it declares a type, as a
/// file). A block names its own <c>using</c> directives; beyond them only the implicit usings of an ASP.NET Core project
/// are assumed. The variables a fragment assumes are declared on the marker above it:
/// <c>&lt;!-- given: ISlaEvaluator sla, string json --&gt;</c>.
/// </summary>
public sealed partial class CSharpSnippetTests
{
    // What `dotnet new web` projects import implicitly (ImplicitUsings with the Web SDK).
    private static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList());

    public static IEnumerable<object[]> Blocks() =>
        MarkdownBlock.All().Where(IsCompiledHere).Select(b => new object[] { b.File, b.Line });

    private static bool IsCompiledHere(MarkdownBlock block) =>
        block.Language == "csharp" && block.Marker?.StartsWith("snippet:", StringComparison.Ordinal) != true;

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_csharp_block_of_the_docs_compiles(string file, int line)
    {
        var block = MarkdownBlock.Read(file).Single(b => b.Line == line);

        var errors = Compile(block);

        errors.Should().BeEmpty($"the C# at {block} compiles as shown (declare what it assumes with <!-- given: Type name, … -->):\n{block.Text}");
    }

    [Fact]
    public void The_docs_have_csharp_blocks_compiled_here()
    {
        MarkdownBlock.All().Where(IsCompiledHere).Select(b => b.File).Distinct().Should()
            .Contain(["docs/embedding.md", "docs/mappings.md", "docs/replay.md"]);
    }

    [Fact]
    public void A_block_that_does_not_compile_is_reported_with_the_compilers_error()
    {
        var block = new MarkdownBlock("docs/example.md", 1, "csharp", "var sla = new SlaEvaluator();\n", null);

        Compile(block).Should().ContainSingle().Which.Should().Contain("CS0246", "SlaEvaluator needs its using directive");
    }

    /// <summary>The compiler's errors for a block, as <c>line: CSxxxx: message</c>; empty when it compiles.</summary>
    private static List<string> Compile(MarkdownBlock block)
    {
        var lines = block.Text.Split('\n');
        var usings = lines.Where(l => UsingDirective().IsMatch(l)).ToList();
        var body = string.Join("\n", lines.Where(l => !UsingDirective().IsMatch(l)));
        var given = block.Marker is { } marker && marker.StartsWith("given:", StringComparison.Ordinal) ? marker["given:".Length..].Trim() : string.Empty;

        var source = new StringBuilder();
        foreach (var u in ImplicitUsings)
        {
            source.Append("global using global::").Append(u).AppendLine(";");
        }

        source.AppendLine(string.Join("\n", usings));
        var first = body.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)) ?? string.Empty;
        if (DeclaresType().IsMatch(first))
        {
            source.AppendLine("namespace Shown;").AppendLine(body);
        }
        else
        {
            source.AppendLine("namespace Shown;")
                .AppendLine("internal static class Snippet")
                .AppendLine("{")
                .Append("    internal static async System.Threading.Tasks.Task Run(").Append(given).AppendLine(")")
                .AppendLine("    {")
                .AppendLine("        await System.Threading.Tasks.Task.CompletedTask;")
                .AppendLine(body)
                .AppendLine("    }")
                .AppendLine("}");
        }

        var tree = CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
    }

    [GeneratedRegex(@"^\s*using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^\s*(\[[^\]]*\]\s*)*(public|internal|file)?\s*(sealed\s+|static\s+|abstract\s+|partial\s+)*(class|record|struct|interface)\s+\w+")]
    private static partial Regex DeclaresType();
}
