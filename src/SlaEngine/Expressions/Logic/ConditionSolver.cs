using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Events;

namespace SlaEngine.Expressions.Logic;

/// <summary>The answer of <see cref="ConditionSolver.Solve"/>.</summary>
internal enum Satisfiability
{
    /// <summary>No event (and no value of any unknown) makes the formula true.</summary>
    Unsatisfiable,

    /// <summary>Some assignment makes it true (which may or may not be a real event, when unknowns are involved).</summary>
    Satisfiable,

    /// <summary>The work budget ran out; nothing is known.</summary>
    Unknown,
}

/// <summary>
/// Decides whether a <see cref="Formula"/> can be true, by case splitting over finite abstractions of the fields it
/// tests: enum, bool and team fields over their values, int and string fields over the constants they are compared
/// with (and one value between or beside them, and a string equal to none), each plus absent when the field is
/// optional; unknowns over true and false. The abstraction is exact for the tests and an over-approximation for the
/// unknowns, so <see cref="Satisfiability.Unsatisfiable"/> is a proof. Work is bounded: past the budget the answer is
/// <see cref="Satisfiability.Unknown"/>.
/// </summary>
/// <remarks>
/// A solver is meant for many queries over the same formulas (the linter asks hundreds about each rule's condition):
/// each formula is bound to solver nodes once, by reference, and reused; fields and unknowns are numbered once; the
/// truth of a test over an enum, bool or team field's values is computed once per test; and the per-query state
/// (assignment, domains, search stack) lives in arrays reused from query to query. Reuse changes nothing in the
/// search: the same domains, the same order of values, the same node visits charged to the budget.
/// </remarks>
internal sealed class ConditionSolver
{
    /// <summary>Above this many (values × tests) of one field, its domain is not reduced to one value per behaviour.</summary>
    private const long MaxReductionWork = 200_000;

    private static readonly AbstractValue[] Unknowns = [new AbstractValue(true, 0, null), new AbstractValue(true, 1, null)];

    private readonly EventSchema _schema;
    private readonly ConstNode _true;
    private readonly ConstNode _false;
    private readonly Dictionary<string, Variable> _fieldVars = new(StringComparer.Ordinal);
    private readonly Dictionary<object, Variable> _opaqueVars = [];
    private readonly Dictionary<FieldTest, TestInfo> _tests = new(ReferenceEqualityComparer.Instance);

    // Per query, reused: the variables it reads (in order of first occurrence), the explicit search stack and the
    // buffer holding the order in which each stacked variable's values are tried.
    private readonly List<Variable> _queryVars = [];
    private readonly List<Node> _pending = [];
    private Frame[] _stack = new Frame[16];
    private int[] _orders = new int[64];
    private int[] _classes = new int[16];
    private int[] _remap = new int[32];
    private long _budget;
    private int _stamp;
    private long _spent;
    private int _size;
    private LeafNode? _pick;

    /// <summary>Creates a solver for formulas over <paramref name="schema"/>, allowed about <paramref name="budget"/> node visits in all.</summary>
    public ConditionSolver(EventSchema schema, long budget)
    {
        _schema = schema;
        _budget = budget;
        _true = new ConstNode(this, true);
        _false = new ConstNode(this, false);
    }

    /// <summary>What is left of the whole budget.</summary>
    public long Remaining => _budget;

    /// <summary>
    /// For the last query that searched: an upper bound of the node visits a search of it, or of any formula with
    /// the same or fewer sub-formulas, may charge (its size times the nodes of a search tree over its domains).
    /// Dropping sub-formulas never grows a domain (fewer constants, fewer tests to tell values apart), so a query
    /// over a subset of the same parts costs at most this.
    /// </summary>
    public long LastCeiling { get; private set; } = long.MaxValue;

    /// <summary>Whether the formula can be true; spends at most <paramref name="limit"/> node visits of the budget.</summary>
    public Satisfiability Solve(Formula formula, long limit = 200_000)
    {
        if (formula is ConstFormula c)
        {
            return c.Value ? Satisfiability.Satisfiable : Satisfiability.Unsatisfiable;
        }

        if (_budget <= 0)
        {
            return Satisfiability.Unknown;
        }

        var root = Bind(formula);
        Prepare(root);
        LastCeiling = Ceiling();
        var allowed = Math.Min(limit, _budget);
        var result = Search(root, allowed);
        _budget -= _spent;
        return result;
    }

    /// <summary>A field or an unknown, numbered once per solver, with its state in the current query.</summary>
    private sealed class Variable(FieldDefinition? field)
    {
        /// <summary>The field; null for an unknown.</summary>
        public FieldDefinition? Field { get; } = field;

        /// <summary>Every value of a bool, enum or team field (absent first when it can be absent); null for int and string fields, whose values depend on the query.</summary>
        public AbstractValue[]? Fixed { get; set; }

        /// <summary>The distinct truth rows of the tests of a fixed-valued variable.</summary>
        public Dictionary<bool[], TruthRow> Rows { get; } = new(RowComparer.Instance);

        /// <summary>The query this state belongs to.</summary>
        public int Stamp { get; set; }

        /// <summary>The query's distinct tests of the field, in order of first occurrence.</summary>
        public List<TestInfo> Tests { get; } = [];

        /// <summary>How many leaves of the query test the field (repeats included).</summary>
        public int Occurrences { get; set; }

        /// <summary>The candidate values in this query (<see cref="Fixed"/>, or built from the query's constants).</summary>
        public AbstractValue[] Values { get; set; } = [];

        /// <summary>The domain: indexes into <see cref="Values"/>, one per behaviour, ascending; the first <see cref="Count"/> are used.</summary>
        public int[] Domain { get; set; } = [];

        /// <summary>The size of the domain.</summary>
        public int Count { get; set; }

        /// <summary>The position in <see cref="Domain"/> of the assigned value, or -1.</summary>
        public int Assigned { get; set; } = -1;
    }

    /// <summary>A distinct test, with its truth over its variable's values.</summary>
    private sealed class TestInfo(FieldTest test, Variable variable)
    {
        public FieldTest Test { get; } = test;

        public Variable Variable { get; } = variable;

        /// <summary>The query the per-query fields belong to.</summary>
        public int Stamp { get; set; }

        /// <summary>Whether the test holds, per index into the variable's <see cref="Variable.Fixed"/> values: computed once, when first needed to reduce a domain; null for int and string fields.</summary>
        public TruthRow? Row { get; set; }

        /// <summary>Whether the test holds for <c>values[index]</c>, the variable's values in the current query.</summary>
        public bool Holds(AbstractValue[] values, int index) => Row is { } row ? row.Bits[index] : Test.Holds(values[index]);
    }

    /// <summary>A test's truth over a fixed-valued variable's values, shared by the tests that behave alike (<c>category == "a"</c> in every rule).</summary>
    private sealed class TruthRow(bool[] bits)
    {
        public bool[] Bits { get; } = bits;

        /// <summary>The last query whose domain reduction has applied this row (a second test with the same row splits nothing).</summary>
        public int Stamp { get; set; }
    }

    /// <summary>Compares rows by content.</summary>
    private sealed class RowComparer : IEqualityComparer<bool[]>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(bool[]? x, bool[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(bool[] obj)
        {
            var hash = new HashCode();
            foreach (var bit in obj)
            {
                hash.Add(bit);
            }

            return hash.ToHashCode();
        }
    }

    private struct Frame
    {
        public Variable Variable;
        public int Offset;
        public int Length;
        public int Next;
    }

    private abstract class Node(ConditionSolver owner, int size)
    {
        /// <summary>The solver whose variables the node refers to.</summary>
        public ConditionSolver Owner { get; } = owner;

        /// <summary>The number of formula nodes below and including this one (shared sub-formulas counted each time): the cost of one evaluation.</summary>
        public int Size { get; } = size;
    }

    private sealed class ConstNode(ConditionSolver owner, bool value) : Node(owner, 1)
    {
        public bool Value { get; } = value;
    }

    private sealed class LeafNode(ConditionSolver owner, Variable variable, TestInfo? test) : Node(owner, 1)
    {
        public Variable Variable { get; } = variable;

        /// <summary>The field test; null for an unknown (its value is the assignment: 0 false, 1 true).</summary>
        public TestInfo? Test { get; } = test;
    }

    private sealed class NotNode(ConditionSolver owner, Node operand) : Node(owner, 1 + operand.Size)
    {
        public Node Operand { get; } = operand;
    }

    private sealed class ListNode(ConditionSolver owner, bool and, Node[] items, int size) : Node(owner, size)
    {
        public bool And { get; } = and;

        public Node[] Items { get; } = items;
    }

    /// <summary>The formula's nodes, bound once per formula instance (marked in <see cref="Formula.SolverNode"/>).</summary>
    private Node Bind(Formula f)
    {
        if (f.SolverNode is Node known && known.Owner == this)
        {
            return known;
        }

        Node node;
        switch (f)
        {
            case ConstFormula c:
                return c.Value ? _true : _false;
            case TestFormula t:
            {
                if (!_fieldVars.TryGetValue(t.Field, out var v))
                {
                    var field = _schema.Find(t.Field) ?? throw new InvalidOperationException($"the formula tests field '{t.Field}', which the solver's schema does not declare");
                    v = new Variable(field) { Fixed = FixedValues(field) };
                    _fieldVars.Add(t.Field, v);
                }

                if (!_tests.TryGetValue(t.Test, out var info) || info.Variable != v)
                {
                    info = new TestInfo(t.Test, v);
                    _tests[t.Test] = info;
                }

                node = new LeafNode(this, v, info);
                break;
            }

            case OpaqueFormula o:
            {
                if (!_opaqueVars.TryGetValue(o.Identity, out var v))
                {
                    v = new Variable(null) { Values = Unknowns, Domain = [0, 1], Count = 2 };
                    _opaqueVars.Add(o.Identity, v);
                }

                node = new LeafNode(this, v, null);
                break;
            }

            case NotFormula n:
                node = new NotNode(this, Bind(n.Operand));
                break;
            case AndFormula or OrFormula:
            {
                var items = f is AndFormula a ? a.Items : ((OrFormula)f).Items;
                var nodes = new Node[items.Length];
                var size = 1;
                for (var i = 0; i < nodes.Length; i++)
                {
                    nodes[i] = Bind(items[i]);
                    size += nodes[i].Size;
                }

                node = new ListNode(this, f is AndFormula, nodes, size);
                break;
            }

            default:
                throw new InvalidOperationException("unknown formula");
        }

        f.SolverNode = node;
        return node;
    }

    /// <summary>The values of a bool, enum or team field, which do not depend on the tests (enum values and teams by name, in declaration order); null for int and string fields.</summary>
    private AbstractValue[]? FixedValues(FieldDefinition field)
    {
        IEnumerable<AbstractValue>? present = field.Type switch
        {
            FieldType.Bool => [new AbstractValue(true, 0, null), new AbstractValue(true, 1, null)],
            FieldType.Enum => field.EnumValues.Select(v => new AbstractValue(true, 0, v)),
            FieldType.Team => _schema.TeamIds.Select(t => new AbstractValue(true, 0, t)),
            _ => null,
        };
        if (present is null)
        {
            return null;
        }

        return CanBeAbsent(field) ? [AbstractValue.Absent, .. present] : [.. present];
    }

    private static bool CanBeAbsent(FieldDefinition field) => !field.IsRequired && !field.HasDefault;

    /// <summary>
    /// Collects the query's variables and tests (walking the tree in the order the search evaluates it, so that string
    /// values come in the order of their first occurrence), charges its size per evaluation, and builds each
    /// variable's domain.
    /// </summary>
    private void Prepare(Node root)
    {
        _stamp++;
        _queryVars.Clear();
        _size = root.Size;
        _pending.Clear();
        _pending.Add(root);
        while (_pending.Count > 0)
        {
            var node = _pending[^1];
            _pending.RemoveAt(_pending.Count - 1);
            switch (node)
            {
                case LeafNode leaf:
                {
                    var v = leaf.Variable;
                    if (v.Stamp != _stamp)
                    {
                        v.Stamp = _stamp;
                        v.Tests.Clear();
                        v.Occurrences = 0;
                        v.Assigned = -1;
                        _queryVars.Add(v);
                    }

                    if (leaf.Test is { } test)
                    {
                        v.Occurrences++;
                        if (test.Stamp != _stamp)
                        {
                            test.Stamp = _stamp;
                            v.Tests.Add(test);
                        }
                    }

                    break;
                }

                case NotNode not:
                    _pending.Add(not.Operand);
                    break;
                case ListNode list:
                    for (var i = list.Items.Length - 1; i >= 0; i--)
                    {
                        _pending.Add(list.Items[i]);
                    }

                    break;
            }
        }

        foreach (var v in _queryVars)
        {
            if (v.Field is { } field)
            {
                BuildDomain(v, field);
            }
        }
    }

    /// <summary>
    /// The query's size times a bound of the nodes of its search tree: each level assigns one more variable, so
    /// there are at most (variables + 1) levels of at most the product of the domains' sizes each (saturating).
    /// </summary>
    private long Ceiling()
    {
        const long Saturated = long.MaxValue / 4;
        long product = 1;
        foreach (var v in _queryVars)
        {
            product = Math.Min(Saturated, product * Math.Max(1, v.Count));
        }

        var nodes = product > Saturated / (_queryVars.Count + 1) ? Saturated : product * (_queryVars.Count + 1);
        return nodes > Saturated / _size ? Saturated : nodes * _size;
    }

    private void BuildDomain(Variable v, FieldDefinition field)
    {
        var tests = v.Tests;
        var values = v.Fixed ?? QueryValues(field, tests);
        v.Values = values;
        if (v.Domain.Length < values.Length)
        {
            v.Domain = new int[Math.Max(values.Length, 2 * v.Domain.Length)];
        }

        if (values.Length * (long)v.Occurrences > MaxReductionWork)
        {
            for (var i = 0; i < values.Length; i++)
            {
                v.Domain[i] = i;
            }

            v.Count = values.Length;
            return;
        }

        if (v.Fixed is not null)
        {
            // Within the reduction's limit, so the rows are small: each is kept for the next queries.
            foreach (var test in tests)
            {
                if (test.Row is null)
                {
                    var bits = Row(test.Test, values);
                    if (!v.Rows.TryGetValue(bits, out var row))
                    {
                        row = new TruthRow(bits);
                        v.Rows.Add(bits, row);
                    }

                    test.Row = row;
                }
            }
        }

        // One value per behaviour: values that every test of the query treats alike are interchangeable. Refine the
        // partition test by test (class numbers given in order of first member), keep the first member of each class.
        var n = values.Length;
        if (_classes.Length < n)
        {
            _classes = new int[Math.Max(n, 2 * _classes.Length)];
            _remap = new int[2 * _classes.Length];
        }

        Array.Clear(_classes, 0, n);
        var classes = 1;
        for (var t = 0; t < tests.Count && classes < n; t++)
        {
            var test = tests[t];
            if (test.Row is { } seen)
            {
                if (seen.Stamp == _stamp)
                {
                    continue;
                }

                seen.Stamp = _stamp;
            }

            Array.Fill(_remap, -1, 0, 2 * classes);
            var next = 0;
            for (var i = 0; i < n; i++)
            {
                var key = (2 * _classes[i]) + (test.Holds(values, i) ? 1 : 0);
                if (_remap[key] < 0)
                {
                    _remap[key] = next++;
                }

                _classes[i] = _remap[key];
            }

            classes = next;
        }

        var count = 0;
        for (var i = 0; i < n; i++)
        {
            if (_classes[i] == count)
            {
                v.Domain[count++] = i;
            }
        }

        v.Count = count;
    }

    private static bool[] Row(FieldTest test, AbstractValue[] values)
    {
        var row = new bool[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            row[i] = test.Holds(values[i]);
        }

        return row;
    }

    /// <summary>The candidate values of an int or string field for the query's tests.</summary>
    private static AbstractValue[] QueryValues(FieldDefinition field, List<TestInfo> tests)
    {
        var values = new List<AbstractValue>();
        if (CanBeAbsent(field))
        {
            values.Add(AbstractValue.Absent);
        }

        if (field.Type == FieldType.Int)
        {
            var numbers = new SortedSet<long>();
            foreach (var t in tests)
            {
                foreach (var c in t.Test.Numbers)
                {
                    numbers.Add(c);
                    if (c > long.MinValue)
                    {
                        numbers.Add(c - 1);
                    }

                    if (c < long.MaxValue)
                    {
                        numbers.Add(c + 1);
                    }
                }
            }

            if (numbers.Count == 0)
            {
                numbers.Add(0);
            }

            foreach (var number in numbers)
            {
                values.Add(new AbstractValue(true, number, null));
            }
        }
        else
        {
            // Strings: each constant, and one longer than all of them (so equal to none).
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var longest = 0;
            foreach (var t in tests)
            {
                foreach (var text in t.Test.Texts)
                {
                    if (seen.Add(text))
                    {
                        values.Add(new AbstractValue(true, 0, text));
                        longest = Math.Max(longest, text.Length);
                    }
                }
            }

            values.Add(new AbstractValue(true, 0, new string('~', longest + 1)));
        }

        return [.. values];
    }

    private Satisfiability Search(Node root, long allowed)
    {
        // Depth-first over assignments, with an explicit stack: (variable, order of its values, next position).
        _spent = 0;
        var depth = 0;
        var used = 0;
        while (true)
        {
            _spent += _size;
            if (_spent > allowed)
            {
                return Satisfiability.Unknown;
            }

            _pick = null;
            var value = Eval(root);
            if (value == 1)
            {
                return Satisfiability.Satisfiable;
            }

            if (value == 0)
            {
                // Backtrack to the next untried value.
                while (true)
                {
                    if (depth == 0)
                    {
                        return Satisfiability.Unsatisfiable;
                    }

                    ref var top = ref _stack[depth - 1];
                    if (top.Next < top.Length)
                    {
                        top.Variable.Assigned = _orders[top.Offset + top.Next];
                        top.Next++;
                        break;
                    }

                    top.Variable.Assigned = -1;
                    used = top.Offset;
                    depth--;
                }

                continue;
            }

            // Unknown: split on the variable of the first undecided leaf, trying the values that make it true first.
            var leaf = _pick!;
            var variable = leaf.Variable;
            var length = variable.Count;
            if (_orders.Length < used + length)
            {
                Array.Resize(ref _orders, Math.Max(used + length, 2 * _orders.Length));
            }

            var at = used;
            for (var i = 0; i < length; i++)
            {
                if (Holds(leaf, i))
                {
                    _orders[at++] = i;
                }
            }

            for (var i = 0; i < length; i++)
            {
                if (!Holds(leaf, i))
                {
                    _orders[at++] = i;
                }
            }

            if (depth == _stack.Length)
            {
                Array.Resize(ref _stack, 2 * _stack.Length);
            }

            _stack[depth++] = new Frame { Variable = variable, Offset = used, Length = length, Next = 1 };
            variable.Assigned = _orders[used];
            used += length;
        }
    }

    /// <summary>Whether the leaf holds for the value at <paramref name="position"/> of its variable's domain.</summary>
    private static bool Holds(LeafNode leaf, int position)
    {
        var index = leaf.Variable.Domain[position];
        return leaf.Test is { } test ? test.Holds(leaf.Variable.Values, index) : leaf.Variable.Values[index].Number == 1;
    }

    /// <summary>0 false, 1 true, -1 undecided (and then <see cref="_pick"/> is an undecided leaf it depends on).</summary>
    private int Eval(Node node)
    {
        switch (node)
        {
            case ConstNode c:
                return c.Value ? 1 : 0;
            case LeafNode leaf:
            {
                var position = leaf.Variable.Assigned;
                if (position < 0)
                {
                    _pick ??= leaf;
                    return -1;
                }

                return Holds(leaf, position) ? 1 : 0;
            }

            case NotNode not:
            {
                var inner = Eval(not.Operand);
                return inner < 0 ? -1 : 1 - inner;
            }

            default:
            {
                var list = (ListNode)node;
                var decisive = list.And ? 0 : 1;
                var undecided = false;
                LeafNode? pick = null;
                foreach (var item in list.Items)
                {
                    var saved = _pick;
                    _pick = null;
                    var value = Eval(item);
                    if (value == decisive)
                    {
                        _pick = saved;
                        return decisive;
                    }

                    if (value < 0 && !undecided)
                    {
                        undecided = true;
                        pick = _pick;
                    }

                    _pick = saved;
                }

                if (undecided)
                {
                    _pick ??= pick;
                    return -1;
                }

                return 1 - decisive;
            }
        }
    }
}
