console.log('build pending')
