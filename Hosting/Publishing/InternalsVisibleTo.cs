using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Publishing.Tests")]
