# Entry points for developers, operators and CI. Everything runs locally on loopback (see README.md).
.PHONY: run up down test bench status schemas

run:      ## the whole suite in the foreground (Ctrl-C stops everything)
	@deploy/local/run.sh

up:       ## the same in the background
	@deploy/local/up.sh

down:     ## stop what `make up` started
	@deploy/local/down.sh

test:     ## every test, with a private PostgreSQL and broker
	@deploy/local/test.sh

bench:    ## the benchmarks (release build), printing their figures
	@deploy/local/bench.sh

status:   ## which local services and infrastructure are up
	@ASN_STACK=run deploy/local/stack.sh status; ASN_STACK=run deploy/local/services.sh status

schemas:  ## regenerate the committed JSON Schemas of the event catalogue
	@swift run recruitment-events-schema --output Shared/RecruitmentEvents/Schemas
