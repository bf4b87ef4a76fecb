# bash completion for galley: commands, options (read from `galley --help`, so new ones
# complete too), plugin names in -e chains and inspect/help, and each plugin's option names and
# enum values (from `galley inspect --format=tsv`, so an installed plugin of your own completes).

# _galley_run ARGS...: the galley being completed, with the --plugin-dir options of the line
_galley_run()
{
	"${_galley_cmd[@]}" "$@" 2>/dev/null
}

_galley_plugins()
{
	_galley_run plugins --format=tsv | cut -f1
}

# option names of the help of a command (or the overview), with '=' for those taking a value
_galley_help_options()
{
	_galley_run "$@" --help | sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\)\( [A-Z]\)\{0,1\}.*/\2\3/p' |
		sed 's/ [A-Z]$/=/'
}

# completions for the text of an -e chain typed so far
_galley_chain()
{
	local text=$1 quote=
	case $text in
	\'* | \"*) quote=${text:0:1} text=${text:1} ;;
	esac
	local stage=${text##*!}
	local last=${stage##*[[:space:]]}
	local prefix=${text%"$last"}
	# the stage's words before the one being typed
	local -a words
	read -r -a words <<<"${stage%"$last"}"
	local -a cands=()
	if ((${#words[@]} == 0)); then
		mapfile -t cands < <(compgen -W "$(_galley_plugins)" -- "$last")
	elif [[ $last == *=* ]]; then
		local key=${last%%=*} choices
		choices=$(_galley_run inspect --format=tsv "${words[0]}" | awk -F '\t' -v k="$key" '$1 == k { print $4 }')
		mapfile -t cands < <(compgen -P "$key=" -W "${choices//|/ }" -- "${last#*=}")
	else
		mapfile -t cands < <(compgen -S = -W "$(_galley_run inspect --format=tsv "${words[0]}" | cut -f1)" -- "$last")
		[[ -n $last ]] || cands+=("!")
	fi
	COMPREPLY=()
	local c
	for c in "${cands[@]}"; do
		COMPREPLY+=("$prefix$c")
	done
	compopt -o nospace 2>/dev/null
}

_galley()
{
	local cur prev words cword
	if declare -F _init_completion >/dev/null; then
		_init_completion -n =: || return
	else
		words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
		cur=${words[cword]} prev=${words[cword - 1]}
	fi
	_galley_cmd=("${words[0]}")
	local i cmd= takes_value= value_opts
	# the long options that take a value ("--jobs=" in the help's list)
	value_opts=" $(_galley_help_options run | tr '\n' ' ') $(_galley_help_options plugins | tr '\n' ' ') "
	for ((i = 1; i < cword; i++)); do
		local w=${words[i]}
		if [[ -n $takes_value ]]; then
			[[ $takes_value == --plugin-dir ]] && _galley_cmd+=(--plugin-dir "$w")
			takes_value=
			continue
		fi
		case $w in
		--plugin-dir=*) _galley_cmd+=("$w") ;;
		--) ;;
		--*=*) ;;
		--*) [[ $value_opts == *" $w= "* ]] && takes_value=$w ;;
		-*) [[ $w =~ ^-[a-zA-Z]*[jeD]$ ]] && takes_value=$w ;;
		*) [[ -z $cmd ]] && cmd=$w ;;
		esac
	done
	case $prev in
	-e | --chain) _galley_chain "$cur"; return ;;
	--plugin-dir) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
	--format) mapfile -t COMPREPLY < <(compgen -W "text json tsv" -- "$cur"); return ;;
	-j | --jobs | -D | --set) return ;;
	esac
	case $cur in
	--format=*) mapfile -t COMPREPLY < <(compgen -P --format= -W "text json tsv" -- "${cur#*=}"); return ;;
	--chain=*) _galley_chain "${cur#*=}"; COMPREPLY=("${COMPREPLY[@]/#/--chain=}"); return ;;
	--plugin-dir=*) mapfile -t COMPREPLY < <(compgen -P --plugin-dir= -d -- "${cur#*=}"); return ;;
	-*)
		mapfile -t COMPREPLY < <(compgen -W "$(_galley_help_options ${cmd:+"$cmd"})" -- "$cur")
		[[ ${COMPREPLY[0]-} == *= ]] && compopt -o nospace 2>/dev/null
		return
		;;
	esac
	case $cmd in
	"") mapfile -t COMPREPLY < <(compgen -W "run plugins inspect help" -- "$cur") ;;
	run)
		mapfile -t COMPREPLY < <(compgen -f -X '!*.galley' -- "$cur"; compgen -d -- "$cur")
		;;
	inspect) mapfile -t COMPREPLY < <(compgen -W "$(_galley_plugins)" -- "$cur") ;;
	help) mapfile -t COMPREPLY < <(compgen -W "run plugins inspect help $(_galley_plugins)" -- "$cur") ;;
	esac
}
complete -F _galley galley
