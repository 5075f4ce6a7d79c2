using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SlaEngine.Diagnostics;

namespace SlaEngine.Expressions;

/// <summary>
/// Splits an expression into tokens. Reports every lexical problem (unterminated string, bad escape, integer out of
/// range, stray character) and goes on, so that one pass finds them all.
/// </summary>
/// <remarks>
/// Identifiers are ASCII: <c>[A-Za-z_][A-Za-z0-9_]*</c>. Strings may hold any Unicode text; escapes are
/// <c>\" \' \\ \n \r \t \uXXXX</c>. The keywords <c>and or not in true false null</c> are reserved.
/// </remarks>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly IPositionMap _map;
    private readonly DiagnosticBag _diagnostics;
    private int _pos;

    private Lexer(string text, IPositionMap map, DiagnosticBag diagnostics)
    {
        _text = text;
        _map = map;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads all tokens; the last is always <see cref="TokenKind.End"/>.</summary>
    public static List<Token> Tokenize(string text, IPositionMap map, DiagnosticBag diagnostics)
    {
        var lexer = new Lexer(text, map, diagnostics);
        var tokens = new List<Token>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private Token Next()
    {
        while (_pos < _text.Length && IsWhitespace(_text[_pos]))
        {
            _pos++;
        }

        if (_pos >= _text.Length)
        {
            return new Token(TokenKind.End, _text.Length, 0);
        }

        var start = _pos;
        var c = _text[_pos];
        if (IsIdentifierStart(c))
        {
            return Identifier(start);
        }

        // A minus sign is only ever part of a negative integer literal: the language has no arithmetic.
        if (c is >= '0' and <= '9' || (c == '-' && Peek(1) is >= '0' and <= '9'))
        {
            return Integer(start);
        }

        switch (c)
        {
            case '"' or '\'':
                return String(start, c);
            case '(':
                return Single(TokenKind.LeftParen);
            case ')':
                return Single(TokenKind.RightParen);
            case '[':
                return Single(TokenKind.LeftBracket);
            case ']':
                return Single(TokenKind.RightBracket);
            case ',':
                return Single(TokenKind.Comma);
            case '.':
                return Single(TokenKind.Dot);
            case '|' when Peek(1) == '|':
                return Double(TokenKind.OrOr, "||");
            case '&' when Peek(1) == '&':
                return Double(TokenKind.AndAnd, "&&");
            case '=' when Peek(1) == '=':
                return Double(TokenKind.EqualEqual, "==");
            case '!' when Peek(1) == '=':
                return Double(TokenKind.BangEqual, "!=");
            case '!':
                return Single(TokenKind.Bang, "!");
            case '<' when Peek(1) == '=':
                return Double(TokenKind.LessEqual, "<=");
            case '<':
                return Single(TokenKind.Less, "<");
            case '>' when Peek(1) == '=':
                return Double(TokenKind.GreaterEqual, ">=");
            case '>':
                return Single(TokenKind.Greater, ">");
        }

        // A stray character: say what was probably meant.
        var hint = c switch
        {
            '=' => " (use '==' to compare)",
            '&' => " (use '&&' or 'and')",
            '|' => " (use '||' or 'or')",
            '+' or '-' or '*' or '/' or '%' => " (the rules language has no arithmetic)",
            _ when c > 127 => " (identifiers are ASCII letters, digits and '_'; put other text in quotes)",
            _ => string.Empty,
        };
        var length = char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        var shown = c < ' ' ? $"U+{(int)c:X4}" : _text.Substring(start, length);
        Error(DiagnosticCodes.UnexpectedCharacter, start, $"unexpected character '{shown}'{hint}");
        _pos += length;
        return new Token(TokenKind.Bad, start, length);
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';

    private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private Token Single(TokenKind kind, string? spelling = null)
    {
        _pos++;
        return new Token(kind, _pos - 1, 1, null, spelling);
    }

    private Token Double(TokenKind kind, string spelling)
    {
        _pos += 2;
        return new Token(kind, _pos - 2, 2, null, spelling);
    }

    private Token Identifier(int start)
    {
        while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
        {
            _pos++;
        }

        var name = _text[start.._pos];
        var length = _pos - start;
        return name switch
        {
            "and" => new Token(TokenKind.AndAnd, start, length, null, name),
            "or" => new Token(TokenKind.OrOr, start, length, null, name),
            "not" => new Token(TokenKind.Bang, start, length, null, name),
            "in" => new Token(TokenKind.In, start, length, null, name),
            "true" => new Token(TokenKind.True, start, length, true),
            "false" => new Token(TokenKind.False, start, length, false),
            "null" => new Token(TokenKind.Null, start, length),
            _ => new Token(TokenKind.Identifier, start, length, name),
        };
    }

    private Token Integer(int start)
    {
        if (_text[_pos] == '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && _text[_pos] is >= '0' and <= '9')
        {
            _pos++;
        }

        // "12abc" is one bad token, not an integer followed by an identifier.
        if (_pos < _text.Length && IsIdentifierStart(_text[_pos]))
        {
            while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
            {
                _pos++;
            }

            Error(DiagnosticCodes.ExpressionSyntax, start, $"'{_text[start.._pos]}' is neither a number nor a name");
            return new Token(TokenKind.Bad, start, _pos - start);
        }

        var digits = _text.AsSpan(start, _pos - start);
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Error(DiagnosticCodes.IntegerOutOfRange, start, $"the integer {digits} does not fit in 64 bits (from {long.MinValue} to {long.MaxValue})");
            return new Token(TokenKind.Bad, start, _pos - start);
        }

        return new Token(TokenKind.Integer, start, _pos - start, value);
    }

    private Token String(int start, char quote)
    {
        _pos++;
        var builder = new StringBuilder();
        var ok = true;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                Error(DiagnosticCodes.UnterminatedString, start, $"the string starting here is not closed with {quote}");
                return new Token(TokenKind.Bad, start, _pos - start);
            }

            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                break;
            }

            if (c != '\\')
            {
                builder.Append(c);
                _pos++;
                continue;
            }

            var escapeStart = _pos;
            var e = Peek(1);
            _pos += 2;
            switch (e)
            {
                case '"' or '\'' or '\\':
                    builder.Append(e);
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u' when _pos + 4 <= _text.Length
                    && int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    ok = false;
                    var shown = e == '\0' ? "\\" : $"\\{e}";
                    Error(DiagnosticCodes.InvalidEscape, escapeStart, $"invalid escape '{shown}' in a string (known: \\\" \\' \\\\ \\n \\r \\t \\uXXXX)");
                    if (e == '\0')
                    {
                        _pos = _text.Length;
                    }

                    break;
            }
        }

        return ok
            ? new Token(TokenKind.String, start, _pos - start, builder.ToString())
            : new Token(TokenKind.Bad, start, _pos - start);
    }

    private void Error(string code, int offset, string message) => _diagnostics.Error(code, _map.Map(offset), message);
}
