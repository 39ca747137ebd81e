using Xunit.Abstractions;

namespace Airline.TestSupport;

/// <summary>
/// The AppHost's console (every resource's output and state change) kept in memory, so that each test can hand
/// the part said during it to its own output: the test runner shows that only when the test fails.
/// </summary>
public sealed class CapturedOutput
{
    private const int KeptLines = 20_000;
    private readonly List<string> _lines = [];
    private long _dropped;

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            if (_lines.Count > KeptLines)
            {
                _lines.RemoveRange(0, KeptLines / 2);
                _dropped += KeptLines / 2;
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines.</summary>
    public string Tail(int count)
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines.TakeLast(count));
        }
    }

    /// <summary>Until disposed, collects what is said; then writes it to <paramref name="output"/>.</summary>
    public IDisposable During(ITestOutputHelper output) => new Window(this, output, Position());

    private long Position()
    {
        lock (_lines)
        {
            return _dropped + _lines.Count;
        }
    }

    private string Since(long position)
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines.Skip((int)Math.Max(0, position - _dropped)));
        }
    }

    private sealed class Window(CapturedOutput captured, ITestOutputHelper output, long start) : IDisposable
    {
        public void Dispose() => output.WriteLine(captured.Since(start));
    }
}
