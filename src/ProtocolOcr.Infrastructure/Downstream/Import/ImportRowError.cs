namespace ProtocolOcr.Infrastructure.Downstream.Import;

/// <summary>One refused row: its line in the file (1 is the header), the reason code and a message naming the value.</summary>
public sealed record ImportRowError(int Line, string Reason, string Message)
{
    public override string ToString() => $"line {Line}: {Reason}: {Message}";
}
