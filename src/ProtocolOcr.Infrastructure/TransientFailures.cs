using System.Net.Sockets;
using Azure;
using Npgsql;

namespace ProtocolOcr.Infrastructure;

/// <summary>
/// Whether a failure comes from storage being unreachable or overloaded (worth retrying later) rather than from
/// the request or a bug. Looks through wrappers (Hangfire's client exception, transaction exceptions).
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current switch
            {
                NpgsqlException npgsql => npgsql.IsTransient,
                RequestFailedException blob => blob.Status is 0 or 408 or 429 or >= 500,
                HttpRequestException or SocketException or TimeoutException => true,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsDatabaseFailure(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException)
            {
                return true;
            }
        }

        return false;
    }
}
