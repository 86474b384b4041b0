using System.Security.Cryptography;
using System.Text;

namespace ProtocolOcr.Infrastructure.People;

/// <summary>Makes observer tokens (256 random bits) and the SHA-256 under which they are looked up.</summary>
public static class ObserverTokenSecret
{
    public const string Prefix = "pot_";

    public static string NewToken() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
