using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using SlaEngine.Events;
using SlaEngine.Expressions.Logic;
using SlaEngine.Expressions;

namespace SlaEngine.Analysis;

/// <summary>
/// A value a field takes in an event that both versions read: not given, or given. Enum and team values are their
/// names, so two schemas (whose ordinals differ when a value is inserted) agree on what an event says.
/// </summary>
/// <param name="Given">Whether the event carries the field.</param>
/// <param name="Value">The value: a string (enum, team, string), a bool, a long, or null for "some instant" / "some list".</param>
internal readonly record struct EventValue(bool Given, object? Value)
{
    public static EventValue NotGiven => default;
}

/// <summary>
/// One dimension of the event space the diff splits: a field that a condition of either version tests, over one
/// representative value per behaviour (values every test of both versions treats alike are one class), or an
/// unknown (an <see cref="OpaqueFormula"/>: a string function, <c>open()</c>, a comparison of two fields) over false
/// and true.
/// </summary>
internal sealed class DiffVariable
{
    public DiffVariable(string name, FieldDefinition?[] fields, EventValue[] values, EventValue[][] members, AbstractValue?[][] abstracts, IntRange[]? ranges)
    {
        Name = name;
        Members = members;
        Fields = fields;
        Values = values;
        Abstracts = abstracts;
        Ranges = ranges;
    }

    /// <summary>The field name, or the canonical text of the unknown.</summary>
    public string Name { get; }

    /// <summary>Whether this is an unknown rather than a field.</summary>
    public bool IsOpaque => Fields.Length == 0;

    /// <summary>The field's definition in each version (null where that version does not declare it); empty for an unknown.</summary>
    public FieldDefinition?[] Fields { get; }

    /// <summary>The representative values; for an unknown: false, true.</summary>
    public EventValue[] Values { get; }

    /// <summary>Per representative value, every candidate value that behaves like it (itself first).</summary>
    public EventValue[][] Members { get; }

    /// <summary>Per version, per value: what the version's tests see (null where it does not declare the field).</summary>
    public AbstractValue?[][] Abstracts { get; }

    /// <summary>For a string field: the text that stands for every text equal to no constant of the conditions.</summary>
    public string? OtherText { get; init; }

    /// <summary>For an int field: the ranges of integers, each with the index of the value that behaves like them.</summary>
    public IntRange[]? Ranges { get; }

    /// <summary>The type of the field (taken from the newer version when both declare it).</summary>
    public FieldType Type => Fields.LastOrDefault(f => f is not null)?.Type ?? FieldType.Bool;
}

/// <summary>A range of integers [<paramref name="Low"/>, <paramref name="High"/>] that behaves like value <paramref name="Class"/>.</summary>
internal readonly record struct IntRange(long Low, long High, int Class);

/// <summary>A formula bound to the diff's variables: evaluated in three values over a partial assignment.</summary>
internal abstract class DiffNode
{
    public static readonly DiffNode True = new DiffConst(true);

    public static readonly DiffNode False = new DiffConst(false);

    /// <summary>1 true, 0 false, -1 undecided (then <paramref name="pick"/> names a variable it waits on).</summary>
    public abstract int Eval(int[] assignment, ref int pick);
}

internal sealed class DiffConst(bool value) : DiffNode
{
    public override int Eval(int[] assignment, ref int pick) => value ? 1 : 0;
}

internal sealed class DiffLeaf(int variable, bool[] row) : DiffNode
{
    public int Variable { get; } = variable;

    public override int Eval(int[] assignment, ref int pick)
    {
        var a = assignment[Variable];
        if (a < 0)
        {
            if (pick < 0)
            {
                pick = Variable;
            }

            return -1;
        }

        return row[a] ? 1 : 0;
    }
}

internal sealed class DiffNot(DiffNode operand) : DiffNode
{
    public override int Eval(int[] assignment, ref int pick)
    {
        var v = operand.Eval(assignment, ref pick);
        return v < 0 ? -1 : 1 - v;
    }
}

internal sealed class DiffList(bool and, DiffNode[] items) : DiffNode
{
    public override int Eval(int[] assignment, ref int pick)
    {
        var decisive = and ? 0 : 1;
        var undecided = false;
        foreach (var item in items)
        {
            var v = item.Eval(assignment, ref pick);
            if (v == decisive)
            {
                return decisive;
            }

            undecided |= v < 0;
        }

        return undecided ? -1 : 1 - decisive;
    }
}

/// <summary>
/// The event space of a diff: the two versions' rule conditions lowered to formulas (<see cref="ConditionLogic"/>),
/// the variables their atoms read, keyed by field and value names, and each rule's condition bound to them.
/// </summary>
internal sealed class DiffSpace
{
    private readonly Dictionary<string, int> _variableIndex = new(StringComparer.Ordinal);

    /// <summary>The variables of the unknowns, by <see cref="OpaqueFormula.Identity"/>.</summary>
    private readonly Dictionary<object, int> _unknownIndex = [];

    /// <summary>Each field test of the conditions, by identity, to its truth on the representatives of its variable.</summary>
    private readonly Dictionary<FieldTest, bool[]> _testRows = new(ReferenceEqualityComparer.Instance);

    public DiffSpace(Policy oldPolicy, Policy newPolicy)
    {
        Policies = [oldPolicy, newPolicy];
        var formulas = Policies.Select(p => new LoweredRules(p.Rules).When).ToArray();

        // The atoms of both versions: field tests by field name (each distinct test of a version once, with the
        // tests equal to it), unknowns by canonical text.
        var tests = new Dictionary<string, List<(int Side, FieldTest Test)>>(StringComparer.Ordinal);
        var sameTests = new Dictionary<string, List<FieldTest>>(StringComparer.Ordinal);
        var opaque = new List<OpaqueFormula>();
        var opaqueSeen = new HashSet<object>();
        var fieldOrder = new List<string>();
        for (var side = 0; side < 2; side++)
        {
            foreach (var f in formulas[side])
            {
                foreach (var leaf in Leaves(f))
                {
                    switch (leaf)
                    {
                        case TestFormula t:
                            if (!tests.TryGetValue(t.Field, out var list))
                            {
                                tests[t.Field] = list = [];
                                fieldOrder.Add(t.Field);
                            }

                            var content = TestKey(t.Field, side, t.Test);
                            if (!sameTests.TryGetValue(content, out var same))
                            {
                                sameTests[content] = same = [];
                                list.Add((side, t.Test));
                            }

                            same.Add(t.Test);
                            break;
                        case OpaqueFormula o when opaqueSeen.Add(o.Identity):
                            opaque.Add(o);
                            break;
                    }
                }
            }
        }

        var variables = new List<DiffVariable>();
        foreach (var name in fieldOrder)
        {
            var v = FieldVariable(name, tests[name], out var rows);
            if (v is null)
            {
                Empty = true;
                continue;
            }

            var fieldTests = tests[name];
            for (var i = 0; i < fieldTests.Count; i++)
            {
                var row = rows.Select(r => r[i] == '1').ToArray();
                foreach (var test in sameTests[TestKey(name, fieldTests[i].Side, fieldTests[i].Test)])
                {
                    _testRows[test] = row;
                }
            }

            _variableIndex[name] = variables.Count;
            variables.Add(v);
        }

        foreach (var o in opaque)
        {
            _unknownIndex[o.Identity] = variables.Count;
            EventValue[] values = [new EventValue(true, false), new EventValue(true, true)];
            var name = o.Key ?? "#" + _unknownIndex.Count.ToString(CultureInfo.InvariantCulture);
            variables.Add(new DiffVariable(name, [], values, [[values[0]], [values[1]]], [], null));
        }

        Variables = [.. variables];
        When = [.. formulas.Select(f => f.Select(Bind).ToArray())];
    }

    /// <summary>The old and the new version.</summary>
    public Policy[] Policies { get; }

    /// <summary>The variables, fields first (in order of first use), then unknowns.</summary>
    public ImmutableArray<DiffVariable> Variables { get; }

    /// <summary>Per version, each rule's bound condition.</summary>
    public DiffNode[][] When { get; }

    /// <summary>True when some field tested by the conditions has no value that both versions accept: no event reaches the rules of both.</summary>
    public bool Empty { get; }

    private static IEnumerable<Formula> Leaves(Formula root)
    {
        var pending = new Stack<Formula>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case NotFormula n:
                    pending.Push(n.Operand);
                    break;
                case AndFormula a:
                    foreach (var item in a.Items)
                    {
                        pending.Push(item);
                    }

                    break;
                case OrFormula o:
                    foreach (var item in o.Items)
                    {
                        pending.Push(item);
                    }

                    break;
                case var leaf:
                    yield return leaf;
                    break;
            }
        }
    }

    /// <summary>The text of a field test's content: tests of one version with equal texts hold on the same values.</summary>
    private static string TestKey(string field, int side, FieldTest test) => string.Join(
        "\u0001",
        field,
        side.ToString(CultureInfo.InvariantCulture),
        test.Kind.ToString(),
        test.IsText ? "t" : "n",
        string.Join(",", test.Numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))),
        string.Join("\u0002", test.Texts));

    private DiffNode Bind(Formula f)
    {
        switch (f)
        {
            case ConstFormula c:
                return c.Value ? DiffNode.True : DiffNode.False;
            case TestFormula t:
            {
                var index = _variableIndex.GetValueOrDefault(t.Field, -1);
                if (index < 0)
                {
                    return DiffNode.False; // only in an empty space
                }

                return new DiffLeaf(index, _testRows[t.Test]);
            }

            case OpaqueFormula o:
                return new DiffLeaf(_unknownIndex[o.Identity], [false, true]);
            case NotFormula n:
                return new DiffNot(Bind(n.Operand));
            case AndFormula a:
                return new DiffList(true, [.. a.Items.Select(Bind)]);
            default:
                return new DiffList(false, [.. ((OrFormula)f).Items.Select(Bind)]);
        }
    }

    /// <summary>
    /// A field's variable: candidate values built from both versions' constants (the abstraction of
    /// <see cref="ConditionSolver"/>: each constant, its neighbours for ints, a text equal to none for strings, and
    /// "not given"), less those a version refuses, reduced to one per behaviour. Null when no value is left.
    /// <paramref name="rows"/> receives, per representative value, the truth of each test ('1' or '0', in order).
    /// </summary>
    private DiffVariable? FieldVariable(string name, List<(int Side, FieldTest Test)> tests, out List<string> rows)
    {
        rows = [];
        FieldDefinition?[] fields = [Policies[0].Schema.Find(name), Policies[1].Schema.Find(name)];
        var type = fields[1]?.Type ?? fields[0]!.Type;
        string? otherText = null;
        var candidates = new List<EventValue>();
        var numbers = new SortedSet<long>();
        switch (type)
        {
            case FieldType.Enum:
                foreach (var f in fields)
                {
                    candidates.AddRange(f?.EnumValues.Select(v => new EventValue(true, v)) ?? []);
                }

                break;
            case FieldType.Team:
                foreach (var p in Policies)
                {
                    candidates.AddRange(p.Schema.TeamIds.Select(v => new EventValue(true, v)));
                }

                break;
            case FieldType.Bool:
                candidates.Add(new EventValue(true, false));
                candidates.Add(new EventValue(true, true));
                break;
            case FieldType.Int:
                foreach (var (_, test) in tests)
                {
                    foreach (var c in test.Numbers)
                    {
                        numbers.Add(c);
                    }
                }

                var points = new SortedSet<long>();
                foreach (var c in numbers)
                {
                    points.Add(c);
                    points.Add(c == long.MinValue ? c : c - 1);
                    points.Add(c == long.MaxValue ? c : c + 1);
                }

                if (points.Count == 0)
                {
                    points.Add(0);
                }

                candidates.AddRange(points.Select(n => new EventValue(true, n)));
                break;
            case FieldType.String:
                var texts = tests.SelectMany(t => t.Test.Texts).Distinct(StringComparer.Ordinal).ToList();
                candidates.AddRange(texts.Select(t => new EventValue(true, t)));
                var other = "other";
                while (texts.Contains(other, StringComparer.Ordinal))
                {
                    other += "~";
                }

                candidates.Add(new EventValue(true, other));
                otherText = other;
                break;
            default:
                candidates.Add(new EventValue(true, null)); // some instant or list: only has() and == null test it
                break;
        }

        candidates.Add(EventValue.NotGiven);
        candidates = [.. candidates.Distinct()];

        // What each version sees; a value refused by a version that declares the field is not an event both read.
        var kept = new List<(EventValue Value, AbstractValue?[] Sides, string Row)>();
        foreach (var candidate in candidates)
        {
            var sides = new AbstractValue?[2];
            var refused = false;
            for (var side = 0; side < 2; side++)
            {
                if (fields[side] is { } f)
                {
                    sides[side] = ToAbstract(f, Policies[side].Schema, candidate);
                    refused |= sides[side] is null;
                }
            }

            if (!refused)
            {
                kept.Add((candidate, sides, Row(tests, sides)));
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var groups = kept.GroupBy(k => k.Row, StringComparer.Ordinal).ToList();
        var representatives = groups.Select(g => g.First()).ToList();
        rows = [.. representatives.Select(r => r.Row)];
        IntRange[]? ranges = null;
        if (type == FieldType.Int)
        {
            ranges = IntRanges(numbers, fields, tests, representatives.Select(r => r.Row).ToList());
        }

        AbstractValue?[][] abstracts = [[.. representatives.Select(r => r.Sides[0])], [.. representatives.Select(r => r.Sides[1])]];
        return new DiffVariable(name, fields, [.. representatives.Select(r => r.Value)], [.. groups.Select(g => g.Select(k => k.Value).ToArray())], abstracts, ranges) { OtherText = otherText };
    }

    private IntRange[] IntRanges(SortedSet<long> constants, FieldDefinition?[] fields, List<(int Side, FieldTest Test)> tests, List<string> rows)
    {
        var ranges = new List<IntRange>();
        var low = long.MinValue;
        foreach (var c in constants)
        {
            if (c > low)
            {
                Add(low, c - 1);
            }

            Add(c, c);
            if (c == long.MaxValue)
            {
                return [.. ranges];
            }

            low = c + 1;
        }

        Add(low, long.MaxValue);
        return [.. ranges];

        void Add(long from, long to)
        {
            var probe = new EventValue(true, from == long.MinValue ? to : from);
            var sides = new AbstractValue?[2];
            for (var side = 0; side < 2; side++)
            {
                if (fields[side] is { } f)
                {
                    sides[side] = ToAbstract(f, Policies[side].Schema, probe);
                }
            }

            ranges.Add(new IntRange(from, to, rows.IndexOf(Row(tests, sides))));
        }
    }

    private static string Row(List<(int Side, FieldTest Test)> tests, AbstractValue?[] sides)
    {
        var chars = new char[tests.Count];
        for (var i = 0; i < chars.Length; i++)
        {
            var (side, test) = tests[i];
            chars[i] = sides[side] is { } a && test.Holds(a) ? '1' : '0';
        }

        return new string(chars);
    }

    /// <summary>What a version's tests see for a value of the event, or null when the version refuses it.</summary>
    internal static AbstractValue? ToAbstract(FieldDefinition field, EventSchema schema, EventValue value)
    {
        if (!value.Given)
        {
            if (field.HasDefault)
            {
                return AbstractValue.Of(field.Default);
            }

            return field.IsRequired ? null : AbstractValue.Absent;
        }

        return (field.Type, value.Value) switch
        {
            (FieldType.Enum, string s) => field.EnumOrdinal(s) >= 0 ? new AbstractValue(true, 0, s) : null,
            (FieldType.Team, string s) => schema.TeamOrdinal(s) >= 0 ? new AbstractValue(true, 0, s) : null,
            (FieldType.Bool, bool b) => new AbstractValue(true, b ? 1 : 0, null),
            (FieldType.Int, long n) => new AbstractValue(true, n, null),
            (FieldType.String, string s) => new AbstractValue(true, 0, s),
            (FieldType.Instant or FieldType.StringList, null) => new AbstractValue(true, 0, null),
            _ => null,
        };
    }

    /// <summary>The value as it goes into a witness event (instants and lists made concrete).</summary>
    internal static object? ToEventObject(DiffVariable variable, EventValue value, Instant submittedAt) => variable.Type switch
    {
        FieldType.Instant => submittedAt.Plus(Duration.FromDays(7)),
        FieldType.StringList => new[] { "item" },
        FieldType.Int => (long)value.Value!,
        _ => value.Value,
    };

    /// <summary>A value's plain text in a class description.</summary>
    internal static string Text(EventValue value) => value.Value switch
    {
        null => value.Given ? "given" : "not given",
        long n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        var v => v.ToString() ?? "",
    };
}
