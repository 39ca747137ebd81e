using System.Text;

namespace Airline.Hosting.Testing;

/// <summary>The test's output: hands each whole line the AppHost writes to the sink the test chose, if any.</summary>
internal sealed class LineForwarder : TextWriter
{
    private readonly StringBuilder _partial = new();
    private readonly Lock _gate = new();

    public Action<string>? Sink { get; set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                Forward(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            Forward(_partial.Append(value).ToString());
            _partial.Clear();
        }
    }

    private void Forward(string line) => Sink?.Invoke(line);
}
