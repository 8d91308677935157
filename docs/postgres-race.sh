#!/bin/bash
# Two jar processes of the ledger on one PostgreSQL racing each other through curl (docs/production.md,
# "Checked on a real PostgreSQL"). Start them first, each with its own data directory, on an empty database:
#   export SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/ledger_jar SPRING_DATASOURCE_USERNAME=ledger \
#          SPRING_DATASOURCE_PASSWORD=ledger
#   java -jar api/target/customer-ledger.jar --server.port=18081 --ledger.data-dir=/tmp/jarA &
#   java -jar api/target/customer-ledger.jar --server.port=18082 --ledger.data-dir=/tmp/jarB &
# (the embedded default's development users; events, lookups, sagas and deadlines all in PostgreSQL)
A=localhost:18081; B=localhost:18082
post() { curl -s -o /dev/null -w '%{http_code}' -u "$1" -H 'Content-Type: application/json' -X "${4:-POST}" "http://$2$3" ${5:+-d "$5"}; }
for r in rr-1 rr-2 rr-3 rr-4; do post admin:admin-pass $A /api/reps POST "{\"repId\":\"$r\",\"name\":\"$r\",\"regions\":[{\"province\":\"轮转省\"}],\"capacity\":100}"; echo -n " "; done
post admin:admin-pass $A /api/reps POST '{"repId":"rep-a","name":"rep-a","regions":[{"province":"山东省"}],"capacity":100}'; echo -n " "
post admin:admin-pass $B /api/reps POST '{"repId":"rep-b","name":"rep-b","regions":[{"province":"山东省"}],"capacity":100}'; echo
post admin:admin-pass $B /api/policies/assignment PUT '{"rules":[{"ruleId":"rotation","candidates":"territory","strategy":"ROUND_ROBIN","match":{"region":{"province":"轮转省"}}}]}'; echo " policy"
echo "== 20 registrations of one farm, alternating between the two processes"
seq 1 20 | xargs -P 20 -I{} bash -c 'h=$([ $(({}%2)) = 0 ] && echo localhost:18081 || echo localhost:18082); curl -s -o /dev/null -w "%{http_code}\n" -u manager:manager-pass -H "Content-Type: application/json" -d "{\"name\":\"两进程撞单养殖场\",\"type\":\"FARM\",\"creditCode\":\"91370783MA3PGJAR01\",\"region\":{\"province\":\"山东省\",\"county\":\"寿光市\"}}" http://$h/api/customers' | sort | uniq -c
echo "== 20 claims of one pool customer by rep-a and rep-b on both processes"
ID=$(curl -s -u manager:manager-pass -H 'Content-Type: application/json' -d '{"name":"两进程公海养殖场","type":"FARM","region":{"province":"山东省","county":"昌乐县"}}' http://$A/api/customers | sed 's/.*"customerId":"\([^"]*\)".*/\1/')
echo "customer $ID"
seq 1 20 | xargs -P 20 -I{} bash -c 'h=$([ $(({}%2)) = 0 ] && echo localhost:18081 || echo localhost:18082); u=$([ $(({}%4)) -lt 2 ] && echo rep-a:rep-a-pass || echo rep-b:rep-b-pass); curl -s -o /dev/null -w "%{http_code}\n" -u $u -X POST http://$h/api/customers/'"$ID"'/claim' | sort | uniq -c
echo "== 16 registrations under the rotation rule, both processes"
seq 1 16 | xargs -P 16 -I{} bash -c 'h=$([ $(({}%2)) = 0 ] && echo localhost:18081 || echo localhost:18082); curl -s -u manager:manager-pass -H "Content-Type: application/json" -d "{\"name\":\"两进程轮转养殖场{}\",\"type\":\"FARM\",\"region\":{\"province\":\"轮转省\"}}" http://$h/api/customers | grep -o "\"ownerRepId\":\"[^\"]*\"\|\"status\":[0-9]*"' | sort | uniq -c
