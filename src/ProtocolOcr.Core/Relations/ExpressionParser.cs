using System.Globalization;

namespace ProtocolOcr.Core.Relations;

/// <summary>
/// Recursive-descent parser for the relation language (docs/forms.md):
/// <code>
/// relation := sum comparison sum          comparison := == | != | &lt;= | &gt;= | &lt; | &gt;
/// sum      := product (('+' | '-') product)*
/// product  := unary ('*' unary)*
/// unary    := '-' unary | primary
/// primary  := number | name | function '(' sum (',' sum)* ')' | '(' sum ')'
/// </code>
/// </summary>
public sealed class ExpressionParser
{
    private readonly string _text;
    private int _position;

    private ExpressionParser(string text) => _text = text;

    /// <summary>Parses a numeric expression (no comparison), e.g. a generator bound <c>0.4 * L1</c>.</summary>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        var expression = parser.ParseSum();
        parser.ExpectEnd();
        return expression;
    }

    /// <summary>Parses a relation: exactly one comparison between two numeric expressions.</summary>
    public static RelationExpression ParseRelation(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new ExpressionParser(text);
        var left = parser.ParseSum();
        parser.SkipSpaces();
        var comparison = parser.ReadComparison()
            ?? throw parser.Error(parser.AtEnd ? "expected a comparison (==, <=, >=, <, >, !=)" : $"unexpected '{parser.Current}'");
        var right = parser.ParseSum();
        parser.ExpectEnd();
        return new RelationExpression(text, left, comparison, right);
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private Expression ParseSum()
    {
        var left = ParseProduct();
        while (true)
        {
            SkipSpaces();
            if (AtEnd || (Current != '+' && Current != '-'))
            {
                return left;
            }

            var operatorPosition = _position;
            var op = Current == '+' ? BinaryOperator.Add : BinaryOperator.Subtract;
            _position++;
            left = new BinaryExpression(op, left, ParseProduct(), operatorPosition);
        }
    }

    private Expression ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpaces();
            if (AtEnd || Current != '*')
            {
                return left;
            }

            var operatorPosition = _position;
            _position++;
            left = new BinaryExpression(BinaryOperator.Multiply, left, ParseUnary(), operatorPosition);
        }
    }

    private Expression ParseUnary()
    {
        SkipSpaces();
        if (!AtEnd && Current == '-')
        {
            var start = _position++;
            return new UnaryMinusExpression(ParseUnary(), start);
        }

        return ParsePrimary();
    }

    private Expression ParsePrimary()
    {
        SkipSpaces();
        if (AtEnd)
        {
            throw Error("expected a number, a name or '('");
        }

        var start = _position;
        if (char.IsAsciiDigit(Current) || Current == '.')
        {
            return ParseNumber();
        }

        if (Current == '(')
        {
            _position++;
            var inner = ParseSum();
            Expect(')');
            return inner;
        }

        if (IsNameStart(Current))
        {
            var name = ReadName();
            SkipSpaces();
            return !AtEnd && Current == '(' ? ParseCall(name, start) : new NameExpression(name, start);
        }

        throw Error($"unexpected '{Current}'");
    }

    private FunctionCallExpression ParseCall(string function, int start)
    {
        if (!FunctionCallExpression.IsKnown(function))
        {
            _position = start;
            throw Error($"unknown function '{function}' (known: sum, max, min, ceil, floor, abs)");
        }

        _position++;
        var arguments = new List<Expression> { ParseSum() };
        SkipSpaces();
        while (!AtEnd && Current == ',')
        {
            _position++;
            arguments.Add(ParseSum());
            SkipSpaces();
        }

        Expect(')');
        if (FunctionCallExpression.SingleValueFunctions.Contains(function) && arguments.Count != 1)
        {
            _position = start;
            throw Error($"{function}() takes exactly one argument, got {arguments.Count}");
        }

        return new FunctionCallExpression(function, arguments, start);
    }

    private NumberExpression ParseNumber()
    {
        var start = _position;
        while (!AtEnd && (char.IsAsciiDigit(Current) || Current == '.'))
        {
            _position++;
        }

        var literal = _text[start.._position];
        if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            _position = start;
            throw Error($"bad number '{literal}'");
        }

        return new NumberExpression(value, start);
    }

    private string ReadName()
    {
        var start = _position;
        while (!AtEnd && (IsNameStart(Current) || char.IsAsciiDigit(Current)))
        {
            _position++;
        }

        return _text[start.._position];
    }

    private ComparisonOperator? ReadComparison()
    {
        ComparisonOperator? comparison = Peek(2) switch
        {
            "==" => ComparisonOperator.Equal,
            "!=" => ComparisonOperator.NotEqual,
            "<=" => ComparisonOperator.LessOrEqual,
            ">=" => ComparisonOperator.GreaterOrEqual,
            _ => null,
        };
        if (comparison is not null)
        {
            _position += 2;
            return comparison;
        }

        comparison = Peek(1) switch
        {
            "<" => ComparisonOperator.Less,
            ">" => ComparisonOperator.Greater,
            _ => null,
        };
        if (comparison is not null)
        {
            _position++;
        }

        return comparison;
    }

    private string Peek(int length) =>
        _position + length <= _text.Length ? _text.Substring(_position, length) : "";

    private void Expect(char expected)
    {
        SkipSpaces();
        if (AtEnd || Current != expected)
        {
            throw Error($"expected '{expected}'");
        }

        _position++;
    }

    private void ExpectEnd()
    {
        SkipSpaces();
        if (AtEnd)
        {
            return;
        }

        var isComparison = "=<>!".Contains(Current, StringComparison.Ordinal);
        throw Error(isComparison
            ? $"unexpected comparison '{Current}' (only one comparison, at the top level of a relation)"
            : $"unexpected '{Current}'");
    }

    private void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
        {
            _position++;
        }
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private ExpressionSyntaxException Error(string problem) => new(problem, _position, _text);
}
