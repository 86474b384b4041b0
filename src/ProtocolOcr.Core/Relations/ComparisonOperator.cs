namespace ProtocolOcr.Core.Relations;

public enum ComparisonOperator
{
    Equal,
    NotEqual,
    LessOrEqual,
    GreaterOrEqual,
    Less,
    Greater,
}
