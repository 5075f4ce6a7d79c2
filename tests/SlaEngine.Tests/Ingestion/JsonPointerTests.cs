using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FluentAssertions;
using SlaEngine.Ingestion;
using Xunit;

namespace SlaEngine.Tests.Ingestion;

public sealed class JsonPointerTests
{
    // The example document of RFC 6901, section 5.
    private const string Rfc6901Document = """
        {
          "foo": ["bar", "baz"],
          "": 0,
          "a/b": 1,
          "c%d": 2,
          "e^f": 3,
          "g|h": 4,
          "i\\j": 5,
          "k\"l": 6,
          " ": 7,
          "m~n": 8
        }
        """;

    private static JsonPointer Parse(string text)
    {
        JsonPointer.TryParse(text, out var pointer, out var error).Should().BeTrue(error);
        return pointer;
    }

    private static string? Resolve(string json, string pointer)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(pointer).TryResolve(document.RootElement, out var value) ? value.GetRawText() : null;
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("/foo", """["bar", "baz"]""")]
    [InlineData("/foo/0", "\"bar\"")]
    [InlineData("/", "0")]
    [InlineData("/a~1b", "1")]
    [InlineData("/c%d", "2")]
    [InlineData("/e^f", "3")]
    [InlineData("/g|h", "4")]
    [InlineData("/i\\j", "5")]
    [InlineData("/k\"l", "6")]
    [InlineData("/ ", "7")]
    [InlineData("/m~0n", "8")]
    public void The_examples_of_rfc_6901_resolve_to_the_values_the_rfc_gives(string pointer, string? expected)
    {
        var value = Resolve(Rfc6901Document, pointer);

        if (expected is null)
        {
            // The empty pointer is the whole document.
            JsonNode.DeepEquals(JsonNode.Parse(value!), JsonNode.Parse(Rfc6901Document)).Should().BeTrue();
        }
        else
        {
            JsonNode.DeepEquals(JsonNode.Parse(value!), JsonNode.Parse(expected)).Should().BeTrue();
        }
    }

    [Theory]
    [InlineData("/missing")]
    [InlineData("/foo/2")]
    [InlineData("/foo/-")]
    [InlineData("/foo/01")]
    [InlineData("/foo/bar")]
    [InlineData("/foo/0/deeper")]
    [InlineData("/a~1b/x")]
    public void A_pointer_that_leads_nowhere_finds_nothing_instead_of_failing(string pointer) =>
        Resolve(Rfc6901Document, pointer).Should().BeNull();

    [Fact]
    public void A_null_on_the_way_finds_nothing()
    {
        Resolve("""{ "issue": { "fields": { "resolution": null } } }""", "/issue/fields/resolution/name").Should().BeNull();
    }

    [Fact]
    public void A_selector_picks_the_first_array_element_whose_key_has_the_value()
    {
        const string changelog = """
            { "changelog": { "items": [
                { "field": "assignee", "to": "u1" },
                { "field": "status", "fromString": "Open", "toString": "In Progress" },
                { "field": "status", "toString": "second" } ] } }
            """;

        Resolve(changelog, "/changelog/items[field=status]/toString").Should().Be("\"In Progress\"");
        Resolve(changelog, "/changelog/items[field=assignee]/to").Should().Be("\"u1\"");
        Resolve(changelog, "/changelog/items[field=priority]/to").Should().BeNull();
    }

    [Fact]
    public void A_selector_compares_numbers_as_written_and_booleans_as_true_or_false()
    {
        const string custom = """
            { "custom_fields": [ { "id": 360001, "value": "a" }, { "id": 360002, "value": "b", "on": true } ] }
            """;

        Resolve(custom, "/custom_fields[id=360002]/value").Should().Be("\"b\"");
        Resolve(custom, "/custom_fields[on=true]/value").Should().Be("\"b\"");
        Resolve(custom, "/custom_fields[id=360003]/value").Should().BeNull();
    }

    [Fact]
    public void A_selector_step_on_its_own_selects_within_the_current_array_and_escapes_apply_inside_it()
    {
        const string items = """[ { "k": "a/b", "v": 1 }, { "k": "c~d", "v": 2 } ]""";

        Resolve(items, "/[k=a~1b]/v").Should().Be("1");
        Resolve(items, "/[k=c~0d]/v").Should().Be("2");
    }

    [Fact]
    public void A_selector_on_something_other_than_an_array_finds_nothing()
    {
        Resolve("""{ "items": { "field": "status" } }""", "/items[field=status]").Should().BeNull();
    }

    [Theory]
    [InlineData("issue/key", "must start with '/'")]
    [InlineData("$.issue.key", "'/issue/key'")]
    [InlineData("issue.fields.summary", "'/issue/fields/summary'")]
    [InlineData("/a~2b", "'~' must be followed by 0")]
    [InlineData("/a~", "'~' must be followed by 0")]
    [InlineData("/items[field=status", "must end the step with ']'")]
    [InlineData("/items[field]", "must be [key=value]")]
    [InlineData("/items[=status]", "must be [key=value]")]
    [InlineData("/items[a=b][c=d]", "one [key=value] selector")]
    [InlineData("/items[field=status]x", "must end the step")]
    public void A_malformed_pointer_is_refused_saying_what_is_wrong(string text, string words)
    {
        JsonPointer.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(words);
    }

    [Fact]
    public void A_pointer_with_too_many_steps_is_refused()
    {
        var text = string.Concat(Enumerable.Repeat("/a", JsonPointer.MaxSteps + 1));

        JsonPointer.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain("steps");
    }

    [Fact]
    public void Any_key_escaped_by_the_rfc_rules_leads_back_to_its_value()
    {
        // Keys drawn with the characters the escapes exist for; '[' is the one a step cannot hold.
        var key = Gen.String[Gen.Char["abc/~ ]=0"], 0, 8];
        Gen.Select(key.Array[1, 5], Gen.Int[0, 1000]).Sample((keys, leaf) =>
        {
            JsonNode node = JsonValue.Create(leaf);
            for (var i = keys.Length - 1; i >= 0; i--)
            {
                node = new JsonObject { [keys[i]] = node };
            }

            var pointer = string.Concat(keys.Select(k => "/" + k.Replace("~", "~0", System.StringComparison.Ordinal).Replace("/", "~1", System.StringComparison.Ordinal)));
            return Resolve(node.ToJsonString(), pointer) == leaf.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    [Fact]
    public void Resolving_the_same_pointer_from_many_threads_gives_the_same_value()
    {
        var pointer = Parse("/changelog/items[field=status]/toString");
        using var document = JsonDocument.Parse("""{ "changelog": { "items": [ { "field": "status", "toString": "Done" } ] } }""");
        var root = document.RootElement;
        var results = new List<string>();
        System.Threading.Tasks.Parallel.For(0, 200, _ =>
        {
            pointer.TryResolve(root, out var value).Should().BeTrue();
            lock (results)
            {
                results.Add(value.GetString()!);
            }
        });

        results.Should().HaveCount(200).And.OnlyContain(v => v == "Done");
    }
}
