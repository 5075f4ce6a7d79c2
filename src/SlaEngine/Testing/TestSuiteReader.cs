using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Loading;
using SlaEngine.Yaml;

namespace SlaEngine.Testing;

/// <summary>Reads a test file's YAML nodes into a <see cref="PolicyTestSuite"/>, reporting every problem with its position.</summary>
internal static class TestSuiteReader
{
    private static readonly string[] TopKeys = ["tests", "policy", "cases"];
    private static readonly string[] CaseKeys = ["name", "event", "timeline", "at", "expect"];
    private static readonly string[] EntryKeys = ["id", "at", "set"];

    public static PolicyTestSuite? Read(YamlNode? root, string file, string baseDirectory, DiagnosticBag diagnostics)
    {
        if (root is null || root is YamlScalar { IsNull: true })
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Error(DiagnosticCodes.EmptyDocument, new SourceLocation(file, 1, 1), "the test file is empty; it needs 'policy' and 'cases'");
            }

            return null;
        }

        if (MappingView.ExpectMapping(root, "a test file", diagnostics) is not { } mapping)
        {
            return null;
        }

        var top = new MappingView(mapping, "the test file", TopKeys, diagnostics);
        var name = top.Text("tests") ?? DefaultName(file);
        var policy = top.Scalar("policy", required: true);
        string? policyPath = null;
        if (policy is not null)
        {
            if (string.IsNullOrWhiteSpace(policy.Value))
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, policy.Location, "'policy' must name the policy file under test, relative to this file");
            }
            else if (ResolvePolicy(policy, file, baseDirectory, diagnostics) is { } resolved)
            {
                policyPath = resolved;
            }
        }

        var cases = ImmutableArray.CreateBuilder<PolicyTestCase>();
        if (top.Node("cases", required: true) is { } casesNode && MappingView.ExpectSequence(casesNode, "'cases'", diagnostics) is { } sequence)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in sequence.Items)
            {
                if (ReadCase(item, diagnostics) is { } testCase)
                {
                    if (!names.Add(testCase.Name))
                    {
                        diagnostics.Error(DiagnosticCodes.DuplicateTestName, testCase.Location, $"a case named '{YamlTreeReader.Shorten(testCase.Name)}' already exists in this file; case names must be unique");
                        continue;
                    }

                    cases.Add(testCase);
                }
            }
        }

        return policyPath is null ? null : new PolicyTestSuite(name, file, policyPath, policy!.Location, cases.ToImmutable());
    }

    /// <summary>
    /// The policy's full path, relative to the test file's directory; null with an error at the value when it is no
    /// path (a NUL character) or names a test file (such as this file itself) rather than a policy.
    /// </summary>
    private static string? ResolvePolicy(YamlScalar policy, string file, string baseDirectory, DiagnosticBag diagnostics)
    {
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(baseDirectory, policy.Value));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, policy.Location, $"'policy' is not a file path ({ex.Message.Split('(')[0].Trim()}): name the policy file under test, relative to this file");
            return null;
        }

        if (full.EndsWith(PolicyTestSuite.FileSuffix, StringComparison.OrdinalIgnoreCase))
        {
            var itself = string.Equals(Path.GetFileName(full), Path.GetFileName(file), StringComparison.Ordinal) ? " (this file itself)" : string.Empty;
            diagnostics.Error(DiagnosticCodes.InvalidValue, policy.Location, $"'policy' names a test file{itself}, not a policy: name the policy file under test, relative to this file");
            return null;
        }

        return full;
    }

    private static string DefaultName(string file)
    {
        var fileName = Path.GetFileName(file);
        return fileName.EndsWith(PolicyTestSuite.FileSuffix, StringComparison.Ordinal) ? fileName[..^PolicyTestSuite.FileSuffix.Length] : fileName;
    }

    private static PolicyTestCase? ReadCase(YamlNode node, DiagnosticBag diagnostics)
    {
        if (MappingView.ExpectMapping(node, "a test case", diagnostics) is not { } mapping)
        {
            return null;
        }

        var errorsBefore = diagnostics.Count;
        var view = new MappingView(mapping, "a test case", CaseKeys, diagnostics);
        var nameNode = view.Scalar("name", required: true);
        var name = nameNode?.Value;
        if (nameNode is not null && string.IsNullOrWhiteSpace(name))
        {
            diagnostics.Error(DiagnosticCodes.InvalidValue, nameNode.Location, "a test case's 'name' must say what the case shows");
            name = null;
        }

        var what = name is null ? "a test case" : $"case '{YamlTreeReader.Shorten(name)}'";
        var hasEvent = view.Has("event");
        var hasTimeline = view.Has("timeline");
        YamlMapping? eventFields = null;
        var timeline = ImmutableArray<TimelineStep>.Empty;
        Instant? at = null;
        PolicyTestCaseKind kind;
        if (hasEvent && hasTimeline)
        {
            diagnostics.Error(DiagnosticCodes.InvalidTestCase, view.KeyOf("timeline")!.Location, $"{what} has both 'event' and 'timeline'; a case tests one or the other");
            return null;
        }

        if (hasTimeline)
        {
            kind = PolicyTestCaseKind.Timeline;
            timeline = ReadTimeline(view.Node("timeline")!, what, diagnostics);
            if (view.Scalar("at") is { } atNode)
            {
                at = ReadInstant(atNode, $"'at' of {what}", DiagnosticCodes.InvalidTestCase, diagnostics);
            }
            else if (!view.Has("at"))
            {
                diagnostics.Error(DiagnosticCodes.InvalidTestCase, mapping.Location, $"{what} has a 'timeline' but no 'at': say at which instant its clocks are checked");
            }
        }
        else if (hasEvent)
        {
            kind = PolicyTestCaseKind.Event;
            eventFields = view.MappingOf("event");
            if (view.KeyOf("at") is { } atKey)
            {
                diagnostics.Error(DiagnosticCodes.InvalidTestCase, atKey.Location, $"'at' belongs to a timeline case; {what} has an 'event' (write it as a one-entry 'timeline' to check its clocks)");
            }
        }
        else
        {
            diagnostics.Error(DiagnosticCodes.InvalidTestCase, mapping.Location, $"{what} needs an 'event' or a 'timeline'");
            return null;
        }

        var expectNode = view.Node("expect", required: true);
        var expectation = expectNode is null ? null : ExpectationReader.Read(expectNode, kind, what, diagnostics);
        // Every diagnostic reported here is an error; a case with any is dropped (the suite fails to load anyway).
        if (name is null || expectation is null || diagnostics.Count > errorsBefore)
        {
            return null;
        }

        return new PolicyTestCase(name, kind, mapping.Location, eventFields, timeline, at, expectation.Value.Error, expectation.Value.Checks, expectation.Value.Clocks);
    }

    private static ImmutableArray<TimelineStep> ReadTimeline(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (MappingView.ExpectSequence(node, $"'timeline' of {what}", diagnostics) is not { } sequence)
        {
            return [];
        }

        if (sequence.Items.Count == 0)
        {
            diagnostics.Error(DiagnosticCodes.InvalidTimelineEntry, sequence.Location, $"the 'timeline' of {what} is empty; its first entry is the submission");
            return [];
        }

        var steps = ImmutableArray.CreateBuilder<TimelineStep>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var entryWhat = $"timeline entry {i} of {what}";
            if (MappingView.ExpectMapping(sequence.Items[i], entryWhat, diagnostics) is not { } entry)
            {
                continue;
            }

            var view = new MappingView(entry, entryWhat, EntryKeys, diagnostics);
            var atNode = view.Scalar("at");
            if (atNode is null)
            {
                if (!view.Has("at"))
                {
                    diagnostics.Error(DiagnosticCodes.InvalidTimelineEntry, entry.Location, $"{entryWhat} needs an 'at' instant{(i == 0 ? " (the submission's, which is submittedAt)" : string.Empty)}");
                }

                continue;
            }

            var set = view.MappingOf("set") ?? new YamlMapping(entry.Location, []);
            var id = view.Text("id");
            foreach (var field in set.Entries)
            {
                if (field.Key.Value == Events.EventSchema.SubmittedAtField)
                {
                    diagnostics.Error(DiagnosticCodes.InvalidTimelineEntry, field.Key.Location, $"{entryWhat} sets 'submittedAt'; the first entry's 'at' is the submission instant");
                }
            }

            // An entry's 'at' is event data (the first one is submittedAt): one that is not an instant with an offset is
            // refused when the case runs, as an event's would be, so an error case can expect it.
            if (FieldValueReader.TryParseInstant(atNode.Value, out var instant, out var atError))
            {
                steps.Add(new TimelineStep(instant, atNode.Value, set, entry.Location, null) { Id = id });
            }
            else
            {
                steps.Add(new TimelineStep(null, atNode.Value, set, atNode.Location, atError) { Id = id });
            }
        }

        return steps.ToImmutable();
    }

    private static Instant? ReadInstant(YamlScalar node, string what, string code, DiagnosticBag diagnostics)
    {
        if (FieldValueReader.TryParseInstant(node.Value, out var instant, out var error))
        {
            return instant;
        }

        diagnostics.Error(code, node.Location, $"{what}: {error}");
        return null;
    }
}
