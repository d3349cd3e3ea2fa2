%% The Erlang side of the Trellis macro benchmark suite.
%%
%% Each workload is one exported function `Name(Size) -> {Value, Unit}` that mirrors the Java class of
%% the same name in dev.trellis.bench.macro (same shape, same sizes, same unit). Adding a row to the
%% suite is one Java class plus one function here, exported and listed in workloads/0.
%%
%% Run (the `run-macro` script does this for you):
%%   erlc -o /tmp trellis_bench.erl
%%   erl +P 4000000 -noshell -pa /tmp -run trellis_bench main ping_pong 1000000 1 3
%% arguments: workload name, size, warm-up runs, measured runs. Every measured run prints one
%% machine-readable line `name value unit`; diagnostics start with `#`. An unknown workload prints
%% `# unsupported name` and exits with status 2.
-module(trellis_bench).

-export([main/1, workloads/0]).

-define(GROUP, 10).
-export([spawn_exit/1, idle_memory/1, ping_pong/1, ring/1, fan_in/1, link_cascade/1,
         monitor_down/1, sup_restart/1, sup_restart_storm/1, sup_one_for_all/1,
         lua_spawn_exit/1, lua_idle/1, lua_ping_pong/1, lua_sup_restart/1, lua_call/1]).
%% supervisor callback and child start functions of the supervision rows; gen_server callbacks of lua_call
-export([init/1, start_crashing/1, start_member/2, handle_call/3, handle_cast/2]).

%% ---------------------------------------------------------------------------------------------
%% Entry point
%% ---------------------------------------------------------------------------------------------

workloads() ->
    [spawn_exit, idle_memory, ping_pong, ring, fan_in, link_cascade, monitor_down,
     sup_restart, sup_restart_storm, sup_one_for_all,
     lua_spawn_exit, lua_idle, lua_ping_pong, lua_sup_restart, lua_call].

main([Name, SizeArg, WarmupArg, RunsArg]) ->
    Size = list_to_integer(SizeArg),
    Warmups = list_to_integer(WarmupArg),
    Runs = list_to_integer(RunsArg),
    case [W || W <- workloads(), atom_to_list(W) =:= Name] of
        [Workload] ->
            io:format("# otp ~s, schedulers ~p, size ~p~n",
                      [erlang:system_info(otp_release), erlang:system_info(schedulers_online),
                       Size]),
            [begin {_, _} = ?MODULE:Workload(Size), settle() end
             || _ <- lists:seq(1, Warmups)],
            [begin
                 {Value, Unit} = ?MODULE:Workload(Size),
                 io:format("~s ~s ~s~n", [Name, format_value(Value), Unit]),
                 settle()
             end || _ <- lists:seq(1, Runs)],
            halt(0);
        [] ->
            io:format("# unsupported ~s~n", [Name]),
            halt(2)
    end;
main(Args) ->
    io:format(standard_error, "usage: trellis_bench main NAME SIZE WARMUPS RUNS (got ~p)~n",
              [Args]),
    halt(64).

%% ---------------------------------------------------------------------------------------------
%% Workloads
%% ---------------------------------------------------------------------------------------------

%% spawn+exit: spawn Size processes that return at once; time until all of them are gone
%% (the VM's process count is back to where it started).
spawn_exit(N) ->
    Base = erlang:system_info(process_count),
    T0 = now_ns(),
    spawn_trivial(N),
    await_process_count(Base),
    Elapsed = now_ns() - T0,
    {N / (Elapsed / 1.0e9), "proc/s"}.

spawn_trivial(0) -> ok;
spawn_trivial(N) -> spawn(fun() -> ok end), spawn_trivial(N - 1).

%% Idle memory: Size processes parked in receive. Bytes per process is the growth of
%% erlang:memory(processes) minus the growth of the driver's own memory (its list of pids),
%% divided by Size.
idle_memory(N) ->
    Self = self(),
    garbage_collect(),
    Before = erlang:memory(processes),
    {memory, DriverBefore} = process_info(self(), memory),
    Pids = spawn_idle(N, Self, []),
    await_n(ready, N),
    garbage_collect(),
    After = erlang:memory(processes),
    {memory, DriverAfter} = process_info(self(), memory),
    Base = erlang:system_info(process_count) - N,
    [P ! stop || P <- Pids],
    await_process_count(Base),
    {(After - Before - (DriverAfter - DriverBefore)) / N, "B/proc"}.

spawn_idle(0, _Driver, Acc) -> Acc;
spawn_idle(N, Driver, Acc) ->
    P = spawn(fun() -> Driver ! ready, receive stop -> ok end end),
    spawn_idle(N - 1, Driver, [P | Acc]).

%% Ping-pong: the driver sends ping, a second process answers pong; Size round trips.
ping_pong(N) ->
    Pong = spawn(fun pong/0),
    T0 = now_ns(),
    ping(Pong, N),
    Elapsed = now_ns() - T0,
    Pong ! stop,
    {Elapsed / N, "ns/rt"}.

ping(_Pong, 0) -> ok;
ping(Pong, N) ->
    Pong ! {self(), ping},
    receive pong -> ping(Pong, N - 1) end.

pong() ->
    receive
        {From, ping} -> From ! pong, pong();
        stop -> ok
    end.

%% Ring: ring_size(Size) processes in a ring pass one token Size hops in total.
ring(Hops) ->
    Self = self(),
    Procs = ring_size(Hops),
    First = build_ring(Procs, Self),
    T0 = now_ns(),
    First ! {token, Hops},
    receive ring_done -> ok end,
    Elapsed = now_ns() - T0,
    First ! {stop, Procs},
    receive ring_stopped -> ok end,
    {Elapsed / Hops, "ns/hop"}.

ring_size(Hops) -> max(2, Hops div 100).

%% Spawns Procs processes, each forwarding to the next; the last forwards to the first.
build_ring(Procs, Driver) ->
    First = spawn(fun() -> receive {next, Next} -> ring_node(Next, Driver) end end),
    Last = lists:foldl(fun(_, Next) -> spawn(fun() -> ring_node(Next, Driver) end) end,
                       First, lists:seq(2, Procs)),
    First ! {next, Last},
    First.

ring_node(Next, Driver) ->
    receive
        {token, 1} -> Driver ! ring_done, ring_node(Next, Driver);
        {token, K} -> Next ! {token, K - 1}, ring_node(Next, Driver);
        {stop, 1} -> Driver ! ring_stopped;
        {stop, K} -> Next ! {stop, K - 1}
    end.

%% Fan-in: 4 senders each send Size messages {msg, I} (a small tuple, copied into the receiver's
%% heap) to the driver, which counts all 4 * Size.
fan_in(N) ->
    Self = self(),
    T0 = now_ns(),
    [spawn(fun() -> send_n(Self, N) end) || _ <- lists:seq(1, 4)],
    await_msgs(4 * N),
    Elapsed = now_ns() - T0,
    {4 * N / (Elapsed / 1.0e9), "msg/s"}.

await_msgs(0) -> ok;
await_msgs(N) -> receive {msg, _} -> await_msgs(N - 1) end.

send_n(_To, 0) -> ok;
send_n(To, N) -> To ! {msg, N}, send_n(To, N - 1).

%% Link cascade: a chain of Size linked processes; the tail fails and the failure travels the
%% links to the head. Time from the tail's failure to the driver's DOWN for the head, per link.
link_cascade(N) ->
    Self = self(),
    {_Head, Ref} = spawn_monitor(fun() -> chain(N - 1, Self) end),
    Tail = receive {tail, T} -> T end,
    T0 = now_ns(),
    Tail ! fail,
    receive {'DOWN', Ref, process, _, boom} -> ok end,
    Elapsed = now_ns() - T0,
    {Elapsed / 1000 / N, "us/link"}.

chain(0, Driver) ->
    Driver ! {tail, self()},
    receive fail -> exit(boom) end;
chain(K, Driver) ->
    spawn_link(fun() -> chain(K - 1, Driver) end),
    receive never -> ok end.

%% Monitor DOWN: Size monitored processes parked in receive (spawned untimed) are told to stop;
%% DOWN messages received per second, from the first stop sent to the last DOWN received.
monitor_down(N) ->
    Pids = spawn_monitored(N, []),
    T0 = now_ns(),
    [P ! stop || P <- Pids],
    await_down(N),
    Elapsed = now_ns() - T0,
    {N / (Elapsed / 1.0e9), "down/s"}.

spawn_monitored(0, Acc) -> Acc;
spawn_monitored(N, Acc) ->
    {P, _Ref} = spawn_monitor(fun() -> receive stop -> ok end end),
    spawn_monitored(N - 1, [P | Acc]).

await_down(0) -> ok;
await_down(N) -> receive {'DOWN', _, process, _, normal} -> await_down(N - 1) end.

%% Supervisor restart latency: a one_for_one supervisor (intensity 2^31 - 1 in a 5 s period, as
%% the Java side) with one worker that exits `crash` on its first message. The start function (run
%% by the supervisor) sends {started, Pid} to the driver, which kills each new worker in turn.
%% Microseconds per crash + restart over Size kills. sup_restart_storm is the same at 100 000 kills,
%% where OTP 25 rescans its list of restarts inside the period on every restart.
sup_restart(N) -> restart_latency(N).

sup_restart_storm(N) -> restart_latency(N).

%% lua_sup_restart: the twin of the Lua row is the same OTP supervisor restarting an Erlang
%% process (Erlang has no Lua); the Lua row's size.
lua_sup_restart(N) -> restart_latency(N).

restart_latency(N) ->
    quiet_supervisor_reports(),
    Self = self(),
    Spec = #{id => w, start => {?MODULE, start_crashing, [Self]}},
    {ok, Sup} = supervisor:start_link(?MODULE, {one_for_one, [Spec]}),
    unlink(Sup),
    First = receive {started, P} -> P end,
    T0 = now_ns(),
    kill_restart(First, N),
    Elapsed = now_ns() - T0,
    stop_supervisor(Sup),
    {Elapsed / 1000 / N, "us/restart"}.

kill_restart(_Cur, 0) -> ok;
kill_restart(Cur, N) ->
    Cur ! crash,
    receive {started, Next} when Next =/= Cur -> kill_restart(Next, N - 1) end.

start_crashing(Driver) ->
    Pid = spawn_link(fun() -> receive _ -> exit(crash) end end),
    Driver ! {started, Pid},
    {ok, Pid}.

%% one_for_all group restart: ten workers under a one_for_all supervisor (same intensity); the
%% driver crashes the first, the supervisor stops the other nine (exit(Pid, shutdown): they do not
%% trap exits) and starts all ten again, each start function sending {started, I, Pid}.
%% Microseconds per group restart over Size crashes.
sup_one_for_all(N) ->
    quiet_supervisor_reports(),
    Self = self(),
    Specs = [#{id => {g, I}, start => {?MODULE, start_member, [Self, I]}}
             || I <- lists:seq(0, ?GROUP - 1)],
    {ok, Sup} = supervisor:start_link(?MODULE, {one_for_all, Specs}),
    unlink(Sup),
    First = await_group(),
    T0 = now_ns(),
    group_restarts(First, N),
    Elapsed = now_ns() - T0,
    stop_supervisor(Sup),
    {Elapsed / 1000 / N, "us/group"}.

group_restarts(_First, 0) -> ok;
group_restarts(First, N) ->
    First ! crash,
    group_restarts(await_group(), N - 1).

%% The ten start reports of one round, in start order; returns the first pid.
await_group() ->
    [First | _] = [receive {started, I, P} -> P end || I <- lists:seq(0, ?GROUP - 1)],
    First.

start_member(Driver, I) ->
    Pid = spawn_link(fun() -> receive _ -> exit(crash) end end),
    Driver ! {started, I, Pid},
    {ok, Pid}.

%% gen_server callback of lua_call's echo server; the supervisor callback: the strategy and specs
%% come from the start_link argument.
init(echo_server) ->
    {ok, nil};
init({Strategy, Specs}) ->
    {ok, {#{strategy => Strategy, intensity => 2147483647, period => 5}, Specs}}.

stop_supervisor(Sup) ->
    Ref = monitor(process, Sup),
    exit(Sup, shutdown),
    receive {'DOWN', Ref, process, Sup, _} -> ok end.

%% The Java supervisor logs nothing; OTP's logs a supervisor report per restart. Keep reports out
%% of the timings (and of the terminal): only emergencies are logged while the rows run.
quiet_supervisor_reports() ->
    logger:set_primary_config(level, emergency).

%% ---------------------------------------------------------------------------------------------
%% The Lua rows' twins
%%
%% The Java side runs Lua processes (trellis-bench/lua-app/); here the same work is done by plain
%% Erlang processes, which is what a Wippy or Elixir user compares against. Messages have the shape
%% of a Trellis message, a topic (a binary, as Lua strings are) and a payload, plus the sender:
%% {Topic, From, Payload}, built by msg/3; a message without payload carries `nil`.
%% ---------------------------------------------------------------------------------------------

%% lua_spawn_exit: spawn+exit of processes that return at once, at the Lua row's size.
lua_spawn_exit(N) -> spawn_exit(N).

%% lua_idle: Size processes each report {<<"ready">>, Pid, nil}, then block in receive until any
%% message (the driver's stop); bytes per process measured as idle_memory measures them.
lua_idle(N) ->
    Self = self(),
    garbage_collect(),
    Before = erlang:memory(processes),
    {memory, DriverBefore} = process_info(self(), memory),
    Pids = [spawn(fun() -> msg(Self, <<"ready">>, nil), receive {_, _, _} -> ok end end)
            || _ <- lists:seq(1, N)],
    await_topic(<<"ready">>, N),
    garbage_collect(),
    After = erlang:memory(processes),
    {memory, DriverAfter} = process_info(self(), memory),
    Base = erlang:system_info(process_count) - N,
    [msg(P, <<"stop">>, nil) || P <- Pids],
    await_process_count(Base),
    {(After - Before - (DriverAfter - DriverBefore)) / N, "B/proc"}.

%% lua_ping_pong: ping and pong are both spawned processes (as the two Lua processes are); ping
%% reports ready, waits for the driver's go, makes Size round trips ({<<"ping">>, Ping, I} answered by
%% {<<"pong">>, Pong, I}, each reply's payload checked), then reports {<<"done">>, Ping, Size}. The
%% driver times go -> done.
lua_ping_pong(N) ->
    Self = self(),
    Pong = spawn(fun lua_pong/0),
    Ping = spawn(fun() -> lua_ping(Self, Pong, N) end),
    receive {<<"ready">>, Ping, nil} -> ok end,
    T0 = now_ns(),
    msg(Ping, <<"go">>, nil),
    receive {<<"done">>, Ping, N} -> ok end,
    Elapsed = now_ns() - T0,
    msg(Pong, <<"stop">>, nil),
    {Elapsed / N, "ns/rt"}.

lua_pong() ->
    receive
        {<<"stop">>, _, _} -> ok;
        {<<"ping">>, From, Payload} -> msg(From, <<"pong">>, Payload), lua_pong()
    end.

lua_ping(Driver, Pong, N) ->
    msg(Driver, <<"ready">>, nil),
    receive {<<"go">>, _, _} -> ok end,
    lua_ping_loop(Pong, 1, N),
    msg(Driver, <<"done">>, N).

lua_ping_loop(_Pong, I, N) when I > N -> ok;
lua_ping_loop(Pong, I, N) ->
    msg(Pong, <<"ping">>, I),
    receive
        {<<"pong">>, Pong, I} -> lua_ping_loop(Pong, I + 1, N);
        {<<"pong">>, Pong, Other} -> exit({bad_pong, I, Other})
    end.

%% lua_call: the twin of a server.call round trip between two Lua processes is gen_server:call
%% between two Erlang processes: an echo gen_server answers each request with itself; the caller
%% reports ready, waits for the driver's go, makes Size calls (each reply checked), then reports
%% {<<"done">>, Caller, Size}. The driver times go -> done.
lua_call(N) ->
    Self = self(),
    {ok, Server} = gen_server:start(?MODULE, echo_server, []),
    Caller = spawn(fun() -> lua_caller(Self, Server, N) end),
    receive {<<"ready">>, Caller, nil} -> ok end,
    T0 = now_ns(),
    msg(Caller, <<"go">>, nil),
    receive {<<"done">>, Caller, N} -> ok end,
    Elapsed = now_ns() - T0,
    gen_server:stop(Server),
    {Elapsed / N, "ns/call"}.

lua_caller(Driver, Server, N) ->
    msg(Driver, <<"ready">>, nil),
    receive {<<"go">>, _, _} -> ok end,
    lua_call_loop(Server, 1, N),
    msg(Driver, <<"done">>, N).

lua_call_loop(_Server, I, N) when I > N -> ok;
lua_call_loop(Server, I, N) ->
    case gen_server:call(Server, I) of
        I -> lua_call_loop(Server, I + 1, N);
        Other -> exit({bad_reply, I, Other})
    end.

handle_call(Request, _From, State) -> {reply, Request, State}.

handle_cast(_Request, State) -> {noreply, State}.

msg(To, Topic, Payload) -> To ! {Topic, self(), Payload}.

await_topic(_Topic, 0) -> ok;
await_topic(Topic, N) -> receive {Topic, _, _} -> await_topic(Topic, N - 1) end.

%% ---------------------------------------------------------------------------------------------
%% Helpers
%% ---------------------------------------------------------------------------------------------

now_ns() -> erlang:monotonic_time(nanosecond).

await_n(_Msg, 0) -> ok;
await_n(Msg, N) -> receive Msg -> await_n(Msg, N - 1) end.

await_process_count(Base) ->
    case erlang:system_info(process_count) =< Base of
        true -> ok;
        false -> receive after 1 -> await_process_count(Base) end
    end.

%% Lets the previous run's garbage go before the next run starts.
settle() ->
    garbage_collect(),
    receive after 50 -> ok end.

format_value(V) when is_integer(V) -> integer_to_list(V);
format_value(V) -> float_to_list(V, [{decimals, 3}, compact]).
