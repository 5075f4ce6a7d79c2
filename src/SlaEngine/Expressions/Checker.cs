using System;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using System.Text.RegularExpressions;
using SlaEngine.Diagnostics;
using SlaEngine.Events;

namespace SlaEngine.Expressions;

/// <summary>
/// Type-checks a parsed condition against an <see cref="ExpressionEnvironment"/> and returns the typed tree:
/// identifiers resolved to fields, string literals compared with enum or team fields resolved to ordinals, functions
/// resolved, regular expressions compiled. Reports every problem; a sub-expression that already failed has type
/// <see cref="ExprType.Error"/> and is not reported again.
/// </summary>
internal sealed class Checker
{
    private static readonly string[] MethodNames = ["contains", "startsWith", "endsWith", "matches", "lower", "upper"];
    private static readonly string[] FunctionNames = ["size", "has", "open", "changed"];

    private readonly ExpressionEnvironment _env;
    private readonly IPositionMap _map;
    private readonly DiagnosticBag _diagnostics;

    private Checker(ExpressionEnvironment env, IPositionMap map, DiagnosticBag diagnostics)
    {
        _env = env;
        _map = map;
        _diagnostics = diagnostics;
    }

    /// <summary>Checks <paramref name="root"/> and requires it to be bool; returns the typed tree (errors reported).</summary>
    public static Expr CheckCondition(Expr root, ExpressionEnvironment env, IPositionMap map, DiagnosticBag diagnostics)
    {
        var checker = new Checker(env, map, diagnostics);
        var typed = checker.Check(root);
        if (typed.Type.Kind is not TypeKind.Bool and not TypeKind.Error)
        {
            checker.Error(DiagnosticCodes.ConditionNotBool, typed.Start,
                $"a condition must be bool (true or false), but {Subject(typed)}");
        }

        return typed;
    }

    private Expr Check(Expr expr) => expr switch
    {
        LiteralExpr literal => literal with { Type = LiteralType(literal.Value) },
        IdentifierExpr identifier => CheckIdentifier(identifier),
        NotExpr not => CheckNot(not),
        BinaryExpr binary => CheckBinary(binary),
        ListExpr list => CheckList(list),
        CallExpr call => CheckCall(call),
        _ => expr,
    };

    private static ExprType LiteralType(object? value) => value switch
    {
        string => ExprType.String,
        long => ExprType.Int,
        bool => ExprType.Bool,
        _ => ExprType.Null,
    };

    private IdentifierExpr CheckIdentifier(IdentifierExpr identifier)
    {
        var field = _env.Schema.Find(identifier.Name);
        if (field is not null)
        {
            return identifier with { Field = field, Type = ExprType.FromField(field) };
        }

        switch (identifier.Name)
        {
            case EventSchema.SubmittedAtField:
                return identifier with { Type = ExprType.Instant };
            case EventSchema.IdField:
                return identifier with { Type = ExprType.String };
        }

        if (_env.Unreadable.IsUnreadableField(identifier.Name))
        {
            return identifier; // the field's declaration is the one defect, reported where it stands
        }

        var hint = Array.IndexOf(FunctionNames, identifier.Name) >= 0
            ? $" ('{identifier.Name}' is a function: write {identifier.Name}(...))"
            : QuoteHint(identifier.Name) ?? SuggestionFinder.DidYouMeanOrList(identifier.Name, [.. _env.IdentifierNames], "fields");
        Error(DiagnosticCodes.UnknownIdentifier, identifier.Start, $"unknown field '{identifier.Name}'{hint}");
        return identifier;
    }

    /// <summary>
    /// For a bare word that is a value, not a field (<c>priority &lt;= P2</c>): " ('P2' is a value of enum field
    /// 'priority': quote it, "P2")", or the same for a team id; null when it is neither.
    /// </summary>
    private string? QuoteHint(string name)
    {
        var owners = _env.Schema.Fields.Where(f => f.Type == FieldType.Enum && f.EnumValues.Contains(name)).Select(f => $"'{f.Name}'").ToList();
        if (owners.Count > 0)
        {
            return $" ('{name}' is a value of enum field {string.Join(" and ", owners)}: quote it, \"{name}\")";
        }

        return _env.Schema.TeamOrdinal(name) >= 0 ? $" ('{name}' is a team: quote it, \"{name}\")" : null;
    }

    private NotExpr CheckNot(NotExpr not)
    {
        var operand = Check(not.Operand);
        RequireBool(operand, "!");
        return not with { Operand = operand, Type = ExprType.Bool };
    }

    private void RequireBool(Expr operand, string op)
    {
        if (operand.Type.Kind is not TypeKind.Bool and not TypeKind.Error)
        {
            Error(DiagnosticCodes.NotBoolOperand, operand.Start, $"the operand of '{op}' must be bool, but {Subject(operand)}");
        }
    }

    private BinaryExpr CheckBinary(BinaryExpr binary)
    {
        var left = Check(binary.Left);
        var right = Check(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                RequireBool(left, binary.OperatorText);
                RequireBool(right, binary.OperatorText);
                break;
            case BinaryOperator.In or BinaryOperator.NotIn:
                (left, right) = CheckIn(binary, left, right);
                break;
            default:
                (left, right) = CheckComparison(binary, left, right);
                break;
        }

        return binary with { Left = left, Right = right, Type = ExprType.Bool };
    }

    private (Expr Left, Expr Right) CheckComparison(BinaryExpr binary, Expr left, Expr right)
    {
        // A string literal against an enum or team field takes the field's type (checked against its values).
        left = Coerce(left, right.Type);
        right = Coerce(right, left.Type);
        if (left.Type.IsError || right.Type.IsError)
        {
            return (left, right);
        }

        if (binary.IsOrdering)
        {
            // The left side names the culprit (`emergency > 1` is about bool); an ordered left side against another
            // type is a plain mismatch, reported below, except against null, which has no order either.
            var unordered = !IsOrdered(left.Type) ? left.Type : right.Type.Kind == TypeKind.Null ? right.Type : null;
            if (unordered is not null)
            {
                Error(DiagnosticCodes.NotOrdered, binary.Start,
                    $"'{binary.OperatorText}' cannot order {unordered} values: only int, enum and instant values are ordered");
                return (left, right);
            }
        }

        if (left.Type.Kind == TypeKind.Null || right.Type.Kind == TypeKind.Null)
        {
            return (left, right); // x == null / x != null: allowed for any x
        }

        if (left.Type.Kind == TypeKind.List || right.Type.Kind == TypeKind.List)
        {
            Error(DiagnosticCodes.TypeMismatch, binary.Start,
                $"lists cannot be compared with '{binary.OperatorText}'; use 'in', 'contains' or size()");
        }
        else if (!left.Type.SameAs(right.Type))
        {
            Error(DiagnosticCodes.TypeMismatch, binary.Start, $"cannot compare {Operand(left)} with {Operand(right)}: they are of different types");
        }

        return (left, right);
    }

    private static bool IsOrdered(ExprType type) => type.Kind is TypeKind.Int or TypeKind.Enum or TypeKind.Instant;

    private (Expr Left, Expr Right) CheckIn(BinaryExpr binary, Expr left, Expr right)
    {
        if (right.Type.IsError)
        {
            return (left, right);
        }

        if (right.Type.Kind != TypeKind.List)
        {
            Error(DiagnosticCodes.TypeMismatch, right.Start,
                $"'{binary.OperatorText}' needs a list on its right, like [\"a\", \"b\"], but this expression is {right.Type}");
            return (left, right);
        }

        if (left.Type.IsError)
        {
            return (left, right);
        }

        if (left.Type.Kind is TypeKind.Null or TypeKind.List)
        {
            Error(DiagnosticCodes.TypeMismatch, left.Start, $"the left side of '{binary.OperatorText}' cannot be {left.Type}");
            return (left, right);
        }

        if (right is ListExpr list)
        {
            var items = ImmutableArray.CreateBuilder<Expr>(list.Items.Length);
            var ok = true;
            var mismatchReported = false;
            foreach (var item in list.Items)
            {
                var coerced = Coerce(item, left.Type);
                if (!coerced.Type.IsError && !coerced.Type.SameAs(left.Type))
                {
                    // The list's items share one type (checked above): the first that does not fit names the defect.
                    if (!mismatchReported)
                    {
                        Error(DiagnosticCodes.TypeMismatch, coerced.Start,
                            $"the list item {Operand(coerced)} does not match the left side of '{binary.OperatorText}', {Operand(left)}");
                    }

                    mismatchReported = true;
                    ok = false;
                }

                ok &= !coerced.Type.IsError;
                items.Add(coerced);
            }

            return (left, list with { Items = items.MoveToImmutable(), Type = ok ? ExprType.ListOf(left.Type) : ExprType.Error });
        }

        // A list-valued field or expression.
        var itemType = right.Type.Item ?? ExprType.Error;
        left = Coerce(left, itemType);
        if (!left.Type.IsError && !itemType.IsError && !left.Type.SameAs(itemType))
        {
            Error(DiagnosticCodes.TypeMismatch, binary.Start, $"cannot look for {left.Type} in {right.Type}");
        }

        return (left, right);
    }

    /// <summary>
    /// Gives a string literal the type of the enum or team it is compared with, after checking it is one of the values;
    /// anything else is returned as is.
    /// </summary>
    private Expr Coerce(Expr expr, ExprType target)
    {
        if (expr is not LiteralExpr { Value: string text } literal || literal.Type.Kind != TypeKind.String)
        {
            return expr;
        }

        if (target.Kind == TypeKind.Enum && target.EnumField is { } field)
        {
            if (field.EnumValues.Length == 0)
            {
                return literal with { Type = ExprType.Error }; // an enum without values is reported at its declaration
            }

            var ordinal = field.EnumOrdinal(text);
            if (ordinal < 0)
            {
                Error(DiagnosticCodes.UnknownEnumValue, literal.Start,
                    $"\"{text}\" is not a value of enum field '{field.Name}'{SuggestionFinder.DidYouMean(text, field.EnumValues)}; its values are: {string.Join(", ", field.EnumValues)}");
                return literal with { Type = ExprType.Error };
            }

            return literal with { Type = target, Ordinal = ordinal };
        }

        if (target.Kind == TypeKind.Team)
        {
            if (_env.Unreadable.Teams)
            {
                return literal with { Type = ExprType.Error }; // the unreadable 'teams' section is the defect
            }

            var ordinal = _env.Schema.TeamOrdinal(text);
            if (ordinal < 0)
            {
                Error(DiagnosticCodes.UnknownTeamValue, literal.Start,
                    $"\"{text}\" is not a declared team{SuggestionFinder.DidYouMeanOrList(text, _env.Schema.TeamIds, "teams")}");
                return literal with { Type = ExprType.Error };
            }

            return literal with { Type = ExprType.Team, Ordinal = ordinal };
        }

        return expr;
    }

    private ListExpr CheckList(ListExpr list)
    {
        var items = ImmutableArray.CreateBuilder<Expr>(list.Items.Length);
        ExprType? itemType = null;
        var ok = true;
        foreach (var item in list.Items)
        {
            var typed = Check(item);
            items.Add(typed);
            if (typed.Type.IsError)
            {
                ok = false;
                continue;
            }

            if (typed.Type.Kind is TypeKind.Null or TypeKind.List)
            {
                Error(DiagnosticCodes.TypeMismatch, typed.Start, $"a list item cannot be {typed.Type}");
                ok = false;
            }
            else if (itemType is null)
            {
                itemType = typed.Type;
            }
            else if (!typed.Type.SameAs(itemType))
            {
                Error(DiagnosticCodes.TypeMismatch, typed.Start, $"the list item {Operand(typed)} does not match the items before it ({itemType}); all items must have one type");
                ok = false;
            }
        }

        var type = !ok ? ExprType.Error : ExprType.ListOf(itemType ?? ExprType.Error);
        return list with { Items = items.MoveToImmutable(), Type = type };
    }

    private CallExpr CheckCall(CallExpr call)
    {
        var target = call.Target is null ? null : Check(call.Target);
        var argsBuilder = ImmutableArray.CreateBuilder<Expr>(call.Arguments.Length);
        foreach (var argument in call.Arguments)
        {
            // has(field) takes a name, not a value: checking it as an identifier is what we want too.
            argsBuilder.Add(Check(argument));
        }

        var args = argsBuilder.MoveToImmutable();
        call = call with { Target = target, Arguments = args };
        return target is null ? CheckFunction(call, args) : CheckMethod(call, target, args);
    }

    private CallExpr CheckMethod(CallExpr call, Expr target, ImmutableArray<Expr> args)
    {
        var name = call.Name;
        if (Array.IndexOf(MethodNames, name) < 0)
        {
            var hint = Array.IndexOf(FunctionNames, name) >= 0
                ? $" ('{name}' is a function: write {name}(...))"
                : SuggestionFinder.DidYouMean(name, MethodNames);
            Error(DiagnosticCodes.UnknownFunction, call.NameStart, $"unknown method '{name}'{hint}; the methods are {string.Join(", ", MethodNames)}");
            return call;
        }

        var expectedArity = name is "lower" or "upper" ? 0 : 1;
        if (!CheckArity(call, expectedArity, expectedArity))
        {
            return call;
        }

        if (target.Type.IsError || (args.Length > 0 && args[0].Type.IsError))
        {
            return call with { Type = name is "lower" or "upper" ? ExprType.String : ExprType.Bool };
        }

        if (name == "contains" && target.Type.Kind == TypeKind.List)
        {
            var itemType = target.Type.Item ?? ExprType.Error;
            var argument = Coerce(args[0], itemType);
            if (!argument.Type.IsError && !itemType.IsError && !argument.Type.SameAs(itemType))
            {
                Error(DiagnosticCodes.InvalidArgument, argument.Start, $"contains on {target.Type} needs {itemType}, but this is {argument.Type}");
            }

            return call with { Arguments = [argument], Function = BuiltinFunction.ListContains, Type = ExprType.Bool };
        }

        if (target.Type.Kind != TypeKind.String)
        {
            var what = name == "contains" ? "a string or a list" : "a string";
            Error(DiagnosticCodes.InvalidArgument, target.Start, $"{name}() needs {what}, but this expression is {target.Type}");
            return call;
        }

        switch (name)
        {
            case "lower":
                return call with { Function = BuiltinFunction.Lower, Type = ExprType.String };
            case "upper":
                return call with { Function = BuiltinFunction.Upper, Type = ExprType.String };
            case "matches":
                return CheckMatches(call, args[0]);
        }

        RequireType(args[0], ExprType.String, name);
        var function = name switch
        {
            "contains" => BuiltinFunction.StringContains,
            "startsWith" => BuiltinFunction.StartsWith,
            _ => BuiltinFunction.EndsWith,
        };
        return call with { Function = function, Type = ExprType.Bool };
    }

    private CallExpr CheckMatches(CallExpr call, Expr argument)
    {
        if (argument is not LiteralExpr { Value: string pattern })
        {
            Error(DiagnosticCodes.InvalidRegex, argument.Start, "matches() takes a string literal as its pattern, checked when the policy loads");
            return call;
        }

        try
        {
            var regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return call with { Function = BuiltinFunction.Matches, Pattern = regex, Type = ExprType.Bool };
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            Error(DiagnosticCodes.InvalidRegex, argument.Start, $"invalid regular expression \"{pattern}\": {ex.Message}");
            return call;
        }
    }

    private CallExpr CheckFunction(CallExpr call, ImmutableArray<Expr> args)
    {
        switch (call.Name)
        {
            case "size":
                if (!CheckArity(call, 1, 1))
                {
                    return call;
                }

                if (args[0].Type.Kind is not TypeKind.String and not TypeKind.List and not TypeKind.Error)
                {
                    Error(DiagnosticCodes.InvalidArgument, args[0].Start, $"size() needs a string or a list, but this expression is {args[0].Type}");
                    return call;
                }

                return call with { Function = BuiltinFunction.Size, Type = ExprType.Int };
            case "has":
                if (!CheckArity(call, 1, 1))
                {
                    return call;
                }

                if (args[0] is not IdentifierExpr)
                {
                    Error(DiagnosticCodes.InvalidArgument, args[0].Start, "has() takes a field name, like has(scheduledStart)");
                    return call;
                }

                return call with { Function = BuiltinFunction.Has, Type = ExprType.Bool };
            case "open":
                return CheckOpen(call, args);
            case "changed":
                return CheckChanged(call, args);
        }

        var hint = Array.IndexOf(MethodNames, call.Name) >= 0
            ? $" ('{call.Name}' is a method: write value.{call.Name}(...))"
            : SuggestionFinder.DidYouMean(call.Name, FunctionNames);
        Error(DiagnosticCodes.UnknownFunction, call.NameStart, $"unknown function '{call.Name}'{hint}; the functions are {string.Join(", ", FunctionNames)}");
        return call;
    }

    private CallExpr CheckChanged(CallExpr call, ImmutableArray<Expr> args)
    {
        if (!_env.AllowsChanged)
        {
            Error(DiagnosticCodes.ChangedOutsideClock, call.NameStart, "changed() is true at a timeline entry that changes the field, so it may be used only in a clock's conditions (pauseWhen, stopWhen, startWhen, cancelWhen, resetWhen), not here");
            return call;
        }

        if (!CheckArity(call, 1, 1))
        {
            return call;
        }

        if (args[0] is not IdentifierExpr { Field: not null })
        {
            Error(DiagnosticCodes.InvalidArgument, args[0].Start, "changed() takes a declared field name, like changed(assignee)");
            return call;
        }

        return call with { Function = BuiltinFunction.Changed, Type = ExprType.Bool };
    }

    private CallExpr CheckOpen(CallExpr call, ImmutableArray<Expr> args)
    {
        if (!CheckArity(call, 1, 2))
        {
            return call;
        }

        var ok = true;
        if (args[0] is not LiteralExpr { Value: string calendar })
        {
            Error(DiagnosticCodes.InvalidArgument, args[0].Start, "open() takes a calendar id in quotes, like open(\"it-hours\")");
            ok = false;
        }
        else if (!_env.CalendarIds.Contains(calendar) && _env.Unreadable.Calendars)
        {
            ok = false; // the unreadable 'calendars' section is the defect
        }
        else if (!_env.CalendarIds.Contains(calendar))
        {
            Error(DiagnosticCodes.UnknownCalendarInExpression, args[0].Start,
                $"unknown calendar \"{calendar}\"{SuggestionFinder.DidYouMeanOrList(calendar, [.. _env.CalendarIds.Order(StringComparer.Ordinal)], "calendars")}");
            ok = false;
        }

        if (args.Length == 2)
        {
            ok &= RequireType(args[1], ExprType.Instant, "open");
        }

        return ok ? call with { Function = BuiltinFunction.Open, Type = ExprType.Bool } : call;
    }

    private bool RequireType(Expr argument, ExprType expected, string function)
    {
        if (argument.Type.IsError || argument.Type.SameAs(expected))
        {
            return !argument.Type.IsError;
        }

        Error(DiagnosticCodes.InvalidArgument, argument.Start, $"{function}() needs {expected} here, but this expression is {argument.Type}");
        return false;
    }

    private bool CheckArity(CallExpr call, int min, int max)
    {
        var count = call.Arguments.Length;
        if (count >= min && count <= max)
        {
            return true;
        }

        var expected = min == max ? $"{min} argument{(min == 1 ? string.Empty : "s")}" : $"{min} or {max} arguments";
        Error(DiagnosticCodes.WrongArity, call.NameStart, $"{call.Name}() takes {expected}, but is given {count}");
        return false;
    }

    /// <summary>How a message names an expression: <c>'summary'</c>, <c>"many"</c>, <c>7</c>, <c>size(...)</c>; null when it has no short name.</summary>
    private static string? NameOf(Expr expr) => expr switch
    {
        IdentifierExpr identifier => $"'{identifier.Name}'",
        LiteralExpr { Value: string text } => text.Length > 40 ? $"\"{text[..40]}…\"" : $"\"{text}\"",
        LiteralExpr { Value: long number } => number.ToString(CultureInfo.InvariantCulture),
        LiteralExpr { Value: bool flag } => flag ? "true" : "false",
        LiteralExpr { Value: null } => "null",
        CallExpr call => $"{call.Name}(...)",
        _ => null,
    };

    /// <summary>An expression and its type for a message: <c>'affectedAgents' (int)</c>, or the type alone.</summary>
    private static string Operand(Expr expr) => NameOf(expr) is { } name ? $"{name} ({expr.Type})" : expr.Type.ToString();

    /// <summary>The end of a sentence saying what an expression is: <c>'summary' is string</c>.</summary>
    private static string Subject(Expr expr) => $"{NameOf(expr) ?? "this expression"} is {expr.Type}";

    private void Error(string code, int offset, string message) => _diagnostics.Error(code, _map.Map(offset), message);
}
