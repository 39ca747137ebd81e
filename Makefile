# Airline: `make run` starts the whole system, `make test` runs every test.
.PHONY: prerequisites build run test bench clean

CONFIGURATION ?= Debug

prerequisites:
	@scripts/install-prerequisites.sh

build: prerequisites
	dotnet build Airline.sln -c $(CONFIGURATION) -warnaserror

run: build
	dotnet run --project AppHost -c $(CONFIGURATION) --no-build

test: build
	dotnet test Airline.sln -c $(CONFIGURATION) --no-build --logger "console;verbosity=normal"

bench: build
	bench/run.sh

clean:
	dotnet clean Airline.sln
	rm -rf AppHost/.state
