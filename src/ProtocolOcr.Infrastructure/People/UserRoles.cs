namespace ProtocolOcr.Infrastructure.People;

/// <summary>The roles a person can hold; <see cref="Admin"/> satisfies every policy.</summary>
public static class UserRoles
{
    public const string Observer = "observer";
    public const string Operator = "operator";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Observer, Operator, Analyst, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
