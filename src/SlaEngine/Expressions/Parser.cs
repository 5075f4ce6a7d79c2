using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.Expressions;

/// <summary>
/// Recursive-descent parser of the rules language into an untyped <see cref="Expr"/> tree. Grammar, lowest precedence
/// first:
/// <code>
/// or         := and (("||" | "or") and)*
/// and        := unary (("&amp;&amp;" | "and") unary)*
/// unary      := ("!" | "not") unary | comparison
/// comparison := postfix (("==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "in" | "not" "in") postfix)?
/// postfix    := primary ("." name "(" arguments ")")*
/// primary    := literal | name | name "(" arguments ")" | "(" or ")" | "[" items "]"
/// </code>
/// </summary>
/// <remarks>
/// Comparisons do not associate: <c>a == b == c</c> is an error. The first syntax error ends the parse (later
/// errors would mostly be echoes of it); lexical errors were all reported by the <see cref="Lexer"/>.
/// Nesting is limited to <see cref="ExpressionLimits.MaxDepth"/>, so no input can overflow the stack.
/// </remarks>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly IPositionMap _map;
    private readonly DiagnosticBag _diagnostics;
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens, IPositionMap map, DiagnosticBag diagnostics)
    {
        _tokens = tokens;
        _map = map;
        _diagnostics = diagnostics;
    }

    private Token Current => _tokens[_index];

    /// <summary>Parses <paramref name="text"/>; returns null when any lexical or syntax error was reported.</summary>
    public static Expr? Parse(string text, IPositionMap map, DiagnosticBag diagnostics)
    {
        if (text.Length > ExpressionLimits.MaxLength)
        {
            diagnostics.Error(DiagnosticCodes.ExpressionTooLong, map.Map(0),
                $"the expression is {text.Length} characters long; the limit is {ExpressionLimits.MaxLength}");
            return null;
        }

        var errorsBefore = diagnostics.Count;
        var tokens = Lexer.Tokenize(text, map, diagnostics);
        var lexicalErrors = diagnostics.Count > errorsBefore;
        var parser = new Parser(tokens, map, diagnostics);
        try
        {
            if (parser.Current.Kind == TokenKind.End)
            {
                parser.Fail(DiagnosticCodes.ExpressionSyntax, 0, "the expression is empty");
            }

            var root = parser.ParseOr();
            if (parser.Current.Kind != TokenKind.End)
            {
                parser.Unexpected("the end of the expression");
            }

            return lexicalErrors ? null : root;
        }
        catch (SyntaxAbortException)
        {
            return null;
        }
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.Kind == TokenKind.OrOr)
        {
            var op = Advance();
            var right = ParseAnd();
            left = new BinaryExpr(left.Start, right.End - left.Start, BinaryOperator.Or, op.Start, left, right);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseUnary();
        while (Current.Kind == TokenKind.AndAnd)
        {
            var op = Advance();
            var right = ParseUnary();
            left = new BinaryExpr(left.Start, right.End - left.Start, BinaryOperator.And, op.Start, left, right);
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.Kind == TokenKind.Bang && !IsNotIn())
        {
            var op = Advance();
            Enter(op);
            var operand = ParseUnary();
            _depth--;
            return new NotExpr(op.Start, operand.End - op.Start, operand);
        }

        return ParseComparison();
    }

    private bool IsNotIn() => Current.Kind == TokenKind.Bang && Current.Spelling == "not" && _tokens[_index + 1].Kind == TokenKind.In;

    private Expr ParseComparison()
    {
        var left = ParsePostfix();
        if (!TryComparisonOperator(out var op, out var opToken))
        {
            return left;
        }

        var right = ParsePostfix();
        var result = new BinaryExpr(left.Start, right.End - left.Start, op, opToken.Start, left, right);
        if (TryPeekComparison())
        {
            Fail(DiagnosticCodes.ChainedComparison, Current.Start,
                $"comparisons cannot be chained: '{Spelling(Current)}' follows a comparison; combine them with && (or use parentheses)");
        }

        return result;
    }

    private bool TryPeekComparison() => Current.Kind is TokenKind.EqualEqual or TokenKind.BangEqual or TokenKind.Less
        or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.In || IsNotIn();

    private bool TryComparisonOperator(out BinaryOperator op, out Token token)
    {
        token = Current;
        if (IsNotIn())
        {
            Advance();
            Advance();
            op = BinaryOperator.NotIn;
            return true;
        }

        BinaryOperator? found = Current.Kind switch
        {
            TokenKind.EqualEqual => BinaryOperator.Equal,
            TokenKind.BangEqual => BinaryOperator.NotEqual,
            TokenKind.Less => BinaryOperator.Less,
            TokenKind.LessEqual => BinaryOperator.LessOrEqual,
            TokenKind.Greater => BinaryOperator.Greater,
            TokenKind.GreaterEqual => BinaryOperator.GreaterOrEqual,
            TokenKind.In => BinaryOperator.In,
            _ => null,
        };
        op = found.GetValueOrDefault();
        if (found is null)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Expr ParsePostfix()
    {
        var target = ParsePrimary();
        var entered = 0;
        while (Current.Kind == TokenKind.Dot)
        {
            var dot = Advance();
            if (Current.Kind != TokenKind.Identifier)
            {
                Unexpected("a method name after '.'");
            }

            var name = Advance();
            if (Current.Kind != TokenKind.LeftParen)
            {
                Fail(DiagnosticCodes.ExpressionSyntax, dot.Start,
                    $"'.{name.Value}' is not a method call: fields have no members; write '.{name.Value}(...)' to call a method");
            }

            Enter(dot);
            entered++;
            var (arguments, end) = ParseArguments();
            target = new CallExpr(target.Start, end - target.Start, target, (string)name.Value!, name.Start, arguments);
        }

        _depth -= entered;
        return target;
    }

    private (ImmutableArray<Expr> Arguments, int End) ParseArguments()
    {
        var open = Advance();
        Enter(open);
        var arguments = ImmutableArray.CreateBuilder<Expr>();
        if (Current.Kind != TokenKind.RightParen)
        {
            while (true)
            {
                arguments.Add(ParseOr());
                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
            }
        }

        var close = Expect(TokenKind.RightParen, open, "')'");
        _depth--;
        return (arguments.ToImmutable(), close.End);
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer or TokenKind.String or TokenKind.True or TokenKind.False:
                Advance();
                return new LiteralExpr(token.Start, token.Length, token.Value);
            case TokenKind.Null:
                Advance();
                return new LiteralExpr(token.Start, token.Length, null);
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind == TokenKind.LeftParen)
                {
                    var (arguments, end) = ParseArguments();
                    return new CallExpr(token.Start, end - token.Start, null, (string)token.Value!, token.Start, arguments);
                }

                return new IdentifierExpr(token.Start, token.Length, (string)token.Value!);
            case TokenKind.LeftParen:
            {
                Advance();
                Enter(token);
                var inner = ParseOr();
                var close = Expect(TokenKind.RightParen, token, "')'");
                _depth--;
                // The parentheses belong to the inner node's span, so "first token of the sub-expression" is '('.
                return inner with { Start = token.Start, Length = close.End - token.Start };
            }

            case TokenKind.LeftBracket:
                return ParseList();
            default:
                Unexpected("a value, a field name, '(' or '['");
                return null!;
        }
    }

    private ListExpr ParseList()
    {
        var open = Advance();
        Enter(open);
        var items = ImmutableArray.CreateBuilder<Expr>();
        if (Current.Kind != TokenKind.RightBracket)
        {
            while (true)
            {
                items.Add(ParseOr());
                if (Current.Kind != TokenKind.Comma)
                {
                    break;
                }

                Advance();
                if (Current.Kind == TokenKind.RightBracket)
                {
                    break; // a trailing comma is allowed, as in YAML flow lists
                }
            }
        }

        var close = Expect(TokenKind.RightBracket, open, "']'");
        _depth--;
        if (items.Count > ExpressionLimits.MaxListItems)
        {
            _diagnostics.Error(DiagnosticCodes.ListTooLong, _map.Map(open.Start),
                $"the list has {items.Count} items; the limit is {ExpressionLimits.MaxListItems}");
        }

        return new ListExpr(open.Start, close.End - open.Start, items.ToImmutable());
    }

    private Token Expect(TokenKind kind, Token open, string what)
    {
        if (Current.Kind == kind)
        {
            return Advance();
        }

        if (Current.Kind == TokenKind.End)
        {
            var opener = open.Kind == TokenKind.LeftBracket ? "[" : "(";
            Fail(DiagnosticCodes.UnclosedBracket, open.Start, $"'{opener}' is never closed: expected {what} before the end of the expression");
        }

        Unexpected($"{what} (to close the '{(open.Kind == TokenKind.LeftBracket ? "[" : "(")}' at offset {open.Start + 1}) or ','");
        return default;
    }

    private void Enter(Token at)
    {
        if (++_depth > ExpressionLimits.MaxDepth)
        {
            Fail(DiagnosticCodes.ExpressionTooDeep, at.Start, $"the expression nests deeper than {ExpressionLimits.MaxDepth} levels");
        }
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private void Unexpected(string expected)
    {
        var token = Current;
        if (token.Kind == TokenKind.Bad)
        {
            throw new SyntaxAbortException(); // already reported by the lexer
        }

        var found = token.Kind == TokenKind.End ? "the end of the expression" : $"'{Spelling(token)}'";
        Fail(DiagnosticCodes.ExpressionSyntax, token.Start, $"expected {expected} but found {found}");
    }

    private static string Spelling(Token token) => token.Kind switch
    {
        TokenKind.Identifier => (string)token.Value!,
        TokenKind.Integer => Convert.ToString(token.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        TokenKind.String => $"\"{token.Value}\"",
        TokenKind.True => "true",
        TokenKind.False => "false",
        TokenKind.Null => "null",
        TokenKind.LeftParen => "(",
        TokenKind.RightParen => ")",
        TokenKind.LeftBracket => "[",
        TokenKind.RightBracket => "]",
        TokenKind.Comma => ",",
        TokenKind.Dot => ".",
        TokenKind.In => "in",
        _ => token.Spelling ?? token.Kind.ToString(),
    };

    private void Fail(string code, int offset, string message)
    {
        _diagnostics.Error(code, _map.Map(offset), message);
        throw new SyntaxAbortException();
    }

    /// <summary>Ends the parse after the first syntax error; never escapes <see cref="Parse"/>.</summary>
#pragma warning disable CA1064, CA1032 // private control-flow signal, not an API exception
    private sealed class SyntaxAbortException : Exception;
#pragma warning restore CA1064, CA1032
}
