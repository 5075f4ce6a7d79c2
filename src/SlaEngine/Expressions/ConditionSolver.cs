using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Events;

namespace SlaEngine.Expressions;

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
internal sealed class ConditionSolver
{
    private readonly int _teamCount;
    private long _budget;

    /// <summary>Creates a solver for formulas over <paramref name="schema"/>, allowed about <paramref name="budget"/> node visits in all.</summary>
    public ConditionSolver(EventSchema schema, long budget)
    {
        _teamCount = schema.TeamIds.Length;
        _budget = budget;
    }

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

        var query = new Query(this);
        var root = query.Bind(formula);
        query.BuildDomains();
        var allowed = Math.Min(limit, _budget);
        var result = query.Search(root, allowed, out var spent);
        _budget -= spent;
        return result;
    }

    private abstract class Node;

    private sealed class ConstNode(bool value) : Node
    {
        public bool Value { get; } = value;
    }

    private sealed class LeafNode(int variable, FieldTest? test) : Node
    {
        public int Variable { get; } = variable;

        /// <summary>The field test; null for an unknown (its value is the assignment: 0 false, 1 true).</summary>
        public FieldTest? Test { get; } = test;
    }

    private sealed class NotNode(Node operand) : Node
    {
        public Node Operand { get; } = operand;
    }

    private sealed class ListNode(bool and, Node[] items) : Node
    {
        public bool And { get; } = and;

        public Node[] Items { get; } = items;
    }

    private sealed class Query(ConditionSolver owner)
    {
        private readonly Dictionary<FieldDefinition, int> _fieldVars = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, int> _opaqueVars = new(StringComparer.Ordinal);
        private readonly List<FieldDefinition?> _fields = [];
        private readonly List<List<FieldTest>> _tests = [];
        private AbstractValue[][] _domains = [];
        private int[] _assigned = [];
        private int _size;
        private long _spent;
        private LeafNode? _pick;

        public Node Bind(Formula f)
        {
            _size++;
            switch (f)
            {
                case ConstFormula c:
                    return new ConstNode(c.Value);
                case TestFormula t:
                {
                    if (!_fieldVars.TryGetValue(t.Field, out var v))
                    {
                        v = _fields.Count;
                        _fieldVars.Add(t.Field, v);
                        _fields.Add(t.Field);
                        _tests.Add([]);
                    }

                    _tests[v].Add(t.Test);
                    return new LeafNode(v, t.Test);
                }

                case OpaqueFormula o:
                {
                    if (!_opaqueVars.TryGetValue(o.Key, out var v))
                    {
                        v = _fields.Count;
                        _opaqueVars.Add(o.Key, v);
                        _fields.Add(null);
                        _tests.Add([]);
                    }

                    return new LeafNode(v, null);
                }

                case NotFormula n:
                    return new NotNode(Bind(n.Operand));
                case AndFormula a:
                    return new ListNode(true, [.. a.Items.Select(Bind)]);
                case OrFormula o:
                    return new ListNode(false, [.. o.Items.Select(Bind)]);
                default:
                    throw new InvalidOperationException("unknown formula");
            }
        }

        public void BuildDomains()
        {
            _domains = new AbstractValue[_fields.Count][];
            _assigned = new int[_fields.Count];
            Array.Fill(_assigned, -1);
            for (var v = 0; v < _fields.Count; v++)
            {
                _domains[v] = _fields[v] is { } field ? Domain(field, _tests[v]) : [new AbstractValue(true, 0, null), new AbstractValue(true, 1, null)];
            }
        }

        private AbstractValue[] Domain(FieldDefinition field, List<FieldTest> tests)
        {
            var values = new List<AbstractValue>();
            if (!field.IsRequired && !field.HasDefault)
            {
                values.Add(AbstractValue.Absent);
            }

            switch (field.Type)
            {
                case FieldType.Bool:
                    values.Add(new AbstractValue(true, 0, null));
                    values.Add(new AbstractValue(true, 1, null));
                    break;
                case FieldType.Enum:
                    for (var i = 0; i < field.EnumValues.Length; i++)
                    {
                        values.Add(new AbstractValue(true, i, null));
                    }

                    break;
                case FieldType.Team:
                    for (var i = 0; i < owner._teamCount; i++)
                    {
                        values.Add(new AbstractValue(true, i, null));
                    }

                    break;
                case FieldType.Int:
                {
                    var numbers = new SortedSet<long>();
                    foreach (var c in tests.SelectMany(t => t.Numbers))
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

                    if (numbers.Count == 0)
                    {
                        numbers.Add(0);
                    }

                    values.AddRange(numbers.Select(n => new AbstractValue(true, n, null)));
                    break;
                }

                default:
                {
                    // Strings: each constant, and one longer than all of them (so equal to none).
                    var texts = tests.SelectMany(t => t.Texts).Distinct(StringComparer.Ordinal).ToList();
                    var fresh = new string('~', texts.Count == 0 ? 1 : texts.Max(t => t.Length) + 1);
                    values.AddRange(texts.Append(fresh).Select(t => new AbstractValue(true, 0, t)));
                    break;
                }
            }

            if (values.Count * (long)tests.Count > 200_000)
            {
                return [.. values];
            }

            // One value per behaviour: values that every test of the query treats alike are interchangeable.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var kept = new List<AbstractValue>();
            var signature = new char[tests.Count];
            foreach (var value in values)
            {
                for (var i = 0; i < tests.Count; i++)
                {
                    signature[i] = tests[i].Holds(value) ? '1' : '0';
                }

                if (seen.Add(new string(signature)))
                {
                    kept.Add(value);
                }
            }

            return [.. kept];
        }

        public Satisfiability Search(Node root, long allowed, out long spent)
        {
            // Depth-first over assignments, with an explicit stack: (variable, order of its values, next position).
            var stack = new Stack<(int Variable, int[] Order, int Next)>();
            try
            {
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
                            if (stack.Count == 0)
                            {
                                return Satisfiability.Unsatisfiable;
                            }

                            var (variable, order, next) = stack.Pop();
                            if (next < order.Length)
                            {
                                _assigned[variable] = order[next];
                                stack.Push((variable, order, next + 1));
                                break;
                            }

                            _assigned[variable] = -1;
                        }

                        continue;
                    }

                    // Unknown: split on the variable of the first undecided leaf, trying the values that make it true first.
                    var leaf = _pick!;
                    var domain = _domains[leaf.Variable];
                    var first = new List<int>(domain.Length);
                    var rest = new List<int>(domain.Length);
                    for (var i = 0; i < domain.Length; i++)
                    {
                        (Holds(leaf, i) ? first : rest).Add(i);
                    }

                    first.AddRange(rest);
                    _assigned[leaf.Variable] = first[0];
                    stack.Push((leaf.Variable, [.. first], 1));
                }
            }
            finally
            {
                spent = _spent;
            }
        }

        private bool Holds(LeafNode leaf, int index) => leaf.Test is { } test ? test.Holds(_domains[leaf.Variable][index]) : _domains[leaf.Variable][index].Number == 1;

        /// <summary>0 false, 1 true, -1 undecided (and then <see cref="_pick"/> is an undecided leaf it depends on).</summary>
        private int Eval(Node node)
        {
            switch (node)
            {
                case ConstNode c:
                    return c.Value ? 1 : 0;
                case LeafNode leaf:
                {
                    var index = _assigned[leaf.Variable];
                    if (index < 0)
                    {
                        _pick ??= leaf;
                        return -1;
                    }

                    return Holds(leaf, index) ? 1 : 0;
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
}
