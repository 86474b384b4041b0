namespace ProtocolOcr.Core.Relations;

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
}
